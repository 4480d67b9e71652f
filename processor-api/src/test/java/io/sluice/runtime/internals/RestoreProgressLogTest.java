package io.sluice.runtime.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.state.StateRestoreListener;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RestoreProgressLogTest {
  private final TopicPartition changelog = new TopicPartition("app-s-changelog", 0);

  @Test
  void everyEventReachesTheUserListenerEvenWhenAnEarlierOneFailed() {
    List<String> events = new ArrayList<>();
    RestoreProgressLog log = new RestoreProgressLog(new ManualTime(0), 10_000L);
    log.setUserListener(new StateRestoreListener() {
      @Override
      public void onRestoreStart(TopicPartition tp, String store, long start, long end) {
        events.add("start " + store + " " + start + ".." + end);
        throw new IllegalStateException("user bug");
      }

      @Override
      public void onBatchRestored(TopicPartition tp, String store, long end, long n) {
        events.add("batch " + end + " " + n);
      }

      @Override
      public void onRestoreEnd(TopicPartition tp, String store, long total) {
        events.add("end " + total);
      }
    });
    log.onRestoreStart(changelog, "s", 0, 100);
    log.onBatchRestored(changelog, "s", 49, 50);
    log.onBatchRestored(changelog, "s", 99, 50);
    log.onRestoreEnd(changelog, "s", 100);
    assertThat(events).containsExactly("start s 0..100", "batch 49 50", "batch 99 50", "end 100");
  }
}
