package io.sluice.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RecordTest {
  @Test
  void copiesAreIndependentOfTheOriginalAndItsHeaders() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("h", "1".getBytes(StandardCharsets.UTF_8));
    Record<String, Integer> original = new Record<>("k", 1, 10L, headers);
    headers.add("late", new byte[0]);
    assertThat(original.headers().toArray()).hasSize(1);

    Record<String, String> copy = original.withValue("one").withKey("key").withTimestamp(20L);
    copy.headers().add("copy-only", new byte[0]);
    assertThat(copy.key()).isEqualTo("key");
    assertThat(copy.value()).isEqualTo("one");
    assertThat(copy.timestamp()).isEqualTo(20L);
    assertThat(original.headers().lastHeader("copy-only")).isNull();
    assertThat(original).isEqualTo(new Record<>("k", 1, 10L, original.headers()));
    assertThat(original.withHeaders(null).headers().toArray()).isEmpty();
  }

  @Test
  void negativeTimestampsAreRejected() {
    assertThatThrownBy(() -> new Record<>("k", "v", -1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("record timestamp must be >= 0 (epoch milliseconds) but was -1");
  }

  @Test
  void fixedKeyRecordsKeepTheirKey() {
    FixedKeyRecord<String, Integer> record = FixedKeyRecord.of(new Record<>("k", 1, 5L));
    FixedKeyRecord<String, String> changed = record.withValue("x").withTimestamp(6L);
    assertThat(changed.key()).isEqualTo("k");
    assertThat(changed.toRecord()).isEqualTo(new Record<>("k", "x", 6L));
  }
}
