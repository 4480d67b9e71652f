package io.sluice.dsl.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The stored form of suppression buffer entries: round trips, nulls, version check. */
class BufferedUpdateTest {

  @Property(tries = 200)
  void roundTripsEveryField(@ForAll @LongRange(min = 0) long bufferTime,
      @ForAll @LongRange(min = 0) long timestamp, @ForAll byte[] prior, @ForAll byte[] value,
      @ForAll boolean nullPrior, @ForAll boolean nullValue, @ForAll String headerKey) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("h-" + headerKey, value);
    headers.add("second", null);
    BufferedUpdate update = new BufferedUpdate(bufferTime, nullPrior ? null : prior,
        nullValue ? null : value, timestamp, headers);
    BufferedUpdate read = BufferedUpdate.deserialize(update.serialize(), "buffer");
    assertThat(read.bufferTime()).isEqualTo(bufferTime);
    assertThat(read.timestamp()).isEqualTo(timestamp);
    assertThat(read.prior()).isEqualTo(nullPrior ? null : prior);
    assertThat(read.newValue()).isEqualTo(nullValue ? null : value);
    assertThat(read.headers().toArray()).hasSize(2);
    assertThat(read.headers().lastHeader("h-" + headerKey).value()).isEqualTo(value);
    assertThat(read.headers().lastHeader("second").value()).isNull();
  }

  @Test
  void unknownVersionNamesTheStore() {
    byte[] bytes = new BufferedUpdate(1, null, "v".getBytes(StandardCharsets.UTF_8), 2,
        new RecordHeaders()).serialize();
    bytes[0] = 9;
    assertThatThrownBy(() -> BufferedUpdate.deserialize(bytes, "my-buffer"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("my-buffer")
        .hasMessageContaining("version 9");
  }
}
