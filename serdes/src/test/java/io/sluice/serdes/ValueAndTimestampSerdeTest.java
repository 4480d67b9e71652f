package io.sluice.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

class ValueAndTimestampSerdeTest {

  private final Serde<ValueAndTimestamp<String>> serde =
      new ValueAndTimestampSerde<>(Serdes.String());

  @Property
  void roundTrips(@ForAll @StringLength(max = 20) String value, @ForAll long timestamp) {
    ValueAndTimestamp<String> vat = new ValueAndTimestamp<>(value, timestamp);
    byte[] bytes = serde.serializer().serialize("t", vat);
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(vat);
  }

  @Property
  void rawHelpersAgreeWithTheSerde(@ForAll byte[] value, @ForAll long timestamp) {
    byte[] raw = ValueAndTimestampSerde.rawValueAndTimestamp(value, timestamp);
    Serde<ValueAndTimestamp<byte[]>> bytesSerde = new ValueAndTimestampSerde<>(Serdes.ByteArray());
    assertThat(bytesSerde.serializer().serialize("t", new ValueAndTimestamp<>(value, timestamp)))
        .isEqualTo(raw);
    assertThat(ValueAndTimestampSerde.rawTimestamp(raw)).isEqualTo(timestamp);
    assertThat(ValueAndTimestampSerde.rawValue(raw)).isEqualTo(value);
  }

  @Example
  void layoutIsVersionTimestampValue() {
    byte[] bytes = serde.serializer().serialize("t", new ValueAndTimestamp<>("v", 258));
    assertThat(bytes).containsExactly(1, 0, 0, 0, 0, 0, 0, 1, 2, 'v');
  }

  @Example
  void extremeTimestampsAndEmptyValuesSurvive() {
    for (long ts : new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}) {
      ValueAndTimestamp<String> vat = new ValueAndTimestamp<>("", ts);
      assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", vat)))
          .isEqualTo(vat);
    }
  }

  @Example
  void nullIsNullBothWays() {
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
    assertThat(ValueAndTimestampSerde.rawValueAndTimestamp(null, 5)).isNull();
    assertThat(ValueAndTimestampSerde.rawValue(null)).isNull();
  }

  @Example
  void unknownVersionNamesFoundAndSupportedVersions() {
    byte[] bytes = {7, 0, 0, 0, 0, 0, 0, 0, 1, 'x'};
    assertThatThrownBy(() -> serde.deserializer().deserialize("store-changelog", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("value-and-timestamp from topic 'store-changelog'")
        .hasMessageContaining("found format version 7")
        .hasMessageContaining("reads only version 1");
    assertThatThrownBy(() -> ValueAndTimestampSerde.rawTimestamp(bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("found format version 7");
  }

  @Example
  void tooShortInputIsRejected() {
    byte[] bytes = {1, 0, 0};
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("at least 9 bytes")
        .hasMessageContaining("3 bytes, hex 010000");
    assertThatThrownBy(() -> ValueAndTimestampSerde.rawValue(new byte[0]))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("at least 1 bytes");
  }

  @Example
  void valueSerializedAsNullIsATombstone() {
    Serde<ValueAndTimestamp<String>> nulling =
        new ValueAndTimestampSerde<>(
            Serdes.serdeFrom((topic, data) -> null, Serdes.String().deserializer()));
    assertThat(nulling.serializer().serialize("t", new ValueAndTimestamp<>("v", 1))).isNull();
  }

  @Property
  void randomBytesAreReadOrRejected(@ForAll @Size(max = 24) byte[] data) {
    Fuzzing.readsOrRejects(serde.deserializer(), data);
    Fuzzing.readsOrRejects(new ValueAndTimestampSerde<>(Serdes.Integer()).deserializer(), data);
  }
}
