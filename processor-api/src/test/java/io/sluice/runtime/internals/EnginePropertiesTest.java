package io.sluice.runtime.internals;

import static io.sluice.runtime.internals.Fixture.DE;
import static io.sluice.runtime.internals.Fixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.TaskId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.Utils;

/** Properties of timestamp synchronisation, stream time and punctuation schedules. */
class EnginePropertiesTest {
  private static final TopicPartition A = new TopicPartition("a", 0);
  private static final TopicPartition B = new TopicPartition("b", 0);

  @Property(tries = 200)
  void recordsLeaveInTimestampOrderOfHeadsAndStreamTimeIsTheRunningMax(
      @ForAll @Size(max = 12) List<@LongRange(max = 1_000) Long> aTimes,
      @ForAll @Size(max = 12) List<@LongRange(max = 1_000) Long> bTimes) throws IOException {
    Path dir = Files.createTempDirectory("sluice-prop");
    List<long[]> seen = new ArrayList<>();
    try (Metrics metrics = new Metrics()) {
      Topology topology = new Topology()
          .addSource("src", DE, DE, "a", "b")
          .addProcessor("p", () -> Fixture.<String, String>processor((ctx, r) -> seen.add(
              new long[] {r.value().startsWith("a") ? 0 : 1, r.timestamp(),
                  ctx.currentStreamTimeMs()})), "src");
      StreamsConfig config = new StreamsConfig(Map.of(StreamsConfig.APPLICATION_ID, "app",
          StreamsConfig.STATE_DIR, dir.toString(), StreamsConfig.MAX_TASK_IDLE_MS, "-1"));
      StreamTask task = new TaskFactory(InternalTopologyBuilder.of(topology),
          EngineConfig.from(config, metrics), new StateDirectory(dir.toString(), "app"),
          new ManualTime(0), name -> null)
          .create(new TaskId(0, 0), new LinkedHashSet<>(List.of(A, B)),
              new DriverRecordCollector((t, p, ts, k, v, h) -> 0L));
      task.initializeIfNeeded();
      task.completeRestoration();
      task.addRecords(A, records(A, aTimes));
      task.addRecords(B, records(B, bTimes));
      while (task.process(0)) {
        // drain
      }
      task.closeClean();
    } finally {
      Utils.delete(dir.toFile());
    }

    // Model: repeatedly take the head with the lower timestamp.
    List<Long> expected = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < aTimes.size() || j < bTimes.size()) {
      boolean takeA = j >= bTimes.size() || (i < aTimes.size() && aTimes.get(i) <= bTimes.get(j));
      expected.add(takeA ? aTimes.get(i++) : bTimes.get(j++));
    }
    assertThat(seen.stream().map(r -> r[1]).toList()).isEqualTo(expected);
    assertThat(seen.stream().filter(r -> r[0] == 0).map(r -> r[1]).toList()).isEqualTo(aTimes);
    assertThat(seen.stream().filter(r -> r[0] == 1).map(r -> r[1]).toList()).isEqualTo(bTimes);
    long max = Long.MIN_VALUE;
    for (long[] r : seen) {
      max = Math.max(max, r[1]);
      assertThat(r[2]).isEqualTo(max);
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> records(TopicPartition tp, List<Long> ts) {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    for (int i = 0; i < ts.size(); i++) {
      out.add(new ConsumerRecord<>(tp.topic(), 0, i, ts.get(i), TimestampType.CREATE_TIME, 1, 1,
          bytes("k"), bytes(tp.topic() + i), new RecordHeaders(), Optional.empty()));
    }
    return out;
  }

  @Property(tries = 300)
  void aScheduleFiresOncePerCallWhenTimeCrossesABoundaryAlignedToItsStart(
      @ForAll @IntRange(min = 1, max = 50) int interval,
      @ForAll @Size(max = 30) List<@IntRange(max = 40) Integer> steps) {
    PunctuationQueue queue = new PunctuationQueue();
    queue.schedule(0L, interval, null, t -> { });
    List<Long> fired = new ArrayList<>();
    List<Long> expected = new ArrayList<>();
    long now = 0;
    long lastBoundary = -1;
    for (int step : steps) {
      now += step;
      queue.mayPunctuate(now, (node, p, t) -> fired.add(t));
      long boundary = now / interval;
      if (boundary > lastBoundary) {
        expected.add(now);
        lastBoundary = boundary;
      }
    }
    assertThat(fired).isEqualTo(expected);
  }
}
