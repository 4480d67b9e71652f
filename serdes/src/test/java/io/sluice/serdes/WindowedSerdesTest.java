package io.sluice.serdes;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Positive;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

class WindowedSerdesTest {

  private static final long SIZE = 60_000;

  private final Serde<Windowed<String>> time =
      WindowedSerdes.timeWindowedSerdeFrom(Serdes.String(), SIZE);
  private final Serde<Windowed<String>> session =
      WindowedSerdes.sessionWindowedSerdeFrom(Serdes.String());

  @Property
  void timeWindowsRoundTrip(
      @ForAll @StringLength(max = 10) String key,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long start,
      @ForAll @Positive long size) {
    Serde<Windowed<String>> serde = WindowedSerdes.timeWindowedSerdeFrom(Serdes.String(), size);
    long end = start > Long.MAX_VALUE - size ? Long.MAX_VALUE : start + size;
    Windowed<String> windowed = new Windowed<>(key, new Window(start, end));
    byte[] bytes = serde.serializer().serialize("t", windowed);
    assertThat(bytes).hasSize(key.getBytes(UTF_8).length + 8);
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(windowed);
  }

  @Property
  void sessionWindowsRoundTrip(
      @ForAll byte[] key,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long start,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long length) {
    Serde<Windowed<byte[]>> serde = WindowedSerdes.sessionWindowedSerdeFrom(Serdes.ByteArray());
    long end = start > Long.MAX_VALUE - length ? Long.MAX_VALUE : start + length;
    byte[] bytes = serde.serializer().serialize("t", new Windowed<>(key, new Window(start, end)));
    Windowed<byte[]> read = serde.deserializer().deserialize("t", bytes);
    assertThat(read.key()).isEqualTo(key);
    assertThat(read.window()).isEqualTo(new Window(start, end));
  }

  @Example
  void timeLayoutIsKeyThenBigEndianStart() {
    byte[] bytes =
        time.serializer()
            .serialize("t", new Windowed<>("ab", new Window(0x0102030405060708L, Long.MAX_VALUE)));
    assertThat(bytes).containsExactly('a', 'b', 1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Example
  void sessionLayoutIsKeyThenEndThenStart() {
    byte[] bytes = session.serializer().serialize("t", new Windowed<>("k", new Window(1, 258)));
    assertThat(bytes)
        .containsExactly('k', 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 1);
  }

  @Example
  void nullIsNullBothWays() {
    assertThat(time.serializer().serialize("t", null)).isNull();
    assertThat(time.deserializer().deserialize("t", null)).isNull();
    assertThat(session.serializer().serialize("t", null)).isNull();
    assertThat(session.deserializer().deserialize("t", null)).isNull();
  }

  @Example
  void tooShortInputIsRejected() {
    assertThatThrownBy(() -> time.deserializer().deserialize("counts", new byte[7]))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("time-windowed key from topic 'counts'")
        .hasMessageContaining("at least 8 bytes")
        .hasMessageContaining("7 bytes, hex 00000000000000");
    assertThatThrownBy(() -> session.deserializer().deserialize("sessions", new byte[15]))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("session-windowed key from topic 'sessions'")
        .hasMessageContaining("at least 16 bytes");
  }

  @Example
  void invalidWindowsAreRejected() {
    byte[] negativeStart = ByteBuffer.allocate(8).putLong(-5).array();
    assertThatThrownBy(() -> time.deserializer().deserialize("t", negativeStart))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("window [-5, ");
    byte[] endBeforeStart = ByteBuffer.allocate(16).putLong(9).putLong(10).array();
    assertThatThrownBy(() -> session.deserializer().deserialize("t", endBeforeStart))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("window [10, 9] is invalid");
  }

  @Example
  void windowSizeMustBePositive() {
    assertThatThrownBy(() -> WindowedSerdes.timeWindowedSerdeFrom(Serdes.String(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("windowSizeMs must be > 0")
        .hasMessageContaining("was 0");
  }

  @Example
  void keySerializerReturningNullIsRejected() {
    Serializer<String> nothing = (topic, data) -> null;
    Serde<Windowed<String>> serde =
        WindowedSerdes.sessionWindowedSerdeFrom(
            Serdes.serdeFrom(nothing, Serdes.String().deserializer()));
    assertThatThrownBy(
            () -> serde.serializer().serialize("out", new Windowed<>("k", new Window(1, 2))))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("topic 'out'")
        .hasMessageContaining("returned null");
  }

  @Example
  void kafkaStreamsReadsAndWritesTheSameBytes() {
    Serde<org.apache.kafka.streams.kstream.Windowed<String>> theirTime =
        org.apache.kafka.streams.kstream.WindowedSerdes.timeWindowedSerdeFrom(String.class, SIZE);
    Serde<org.apache.kafka.streams.kstream.Windowed<String>> theirSession =
        org.apache.kafka.streams.kstream.WindowedSerdes.sessionWindowedSerdeFrom(String.class);

    byte[] ours =
        time.serializer().serialize("t", new Windowed<>("user-1", new Window(120_000, 180_000)));
    var theirs = theirTime.deserializer().deserialize("t", ours);
    assertThat(theirs.key()).isEqualTo("user-1");
    assertThat(theirs.window().start()).isEqualTo(120_000);
    assertThat(theirs.window().end()).isEqualTo(180_000);
    assertThat(theirTime.serializer().serialize("t", theirs)).isEqualTo(ours);

    byte[] ourSession =
        session.serializer().serialize("t", new Windowed<>("user-2", new Window(5, 42)));
    var theirSessionKey = theirSession.deserializer().deserialize("t", ourSession);
    assertThat(theirSessionKey.key()).isEqualTo("user-2");
    assertThat(theirSessionKey.window().start()).isEqualTo(5);
    assertThat(theirSessionKey.window().end()).isEqualTo(42);
    assertThat(theirSession.serializer().serialize("t", theirSessionKey)).isEqualTo(ourSession);
  }

  @Property
  void randomBytesAreReadOrRejected(@ForAll @Size(max = 40) byte[] data) {
    Fuzzing.readsOrRejects(time.deserializer(), data);
    Fuzzing.readsOrRejects(session.deserializer(), data);
    Fuzzing.readsOrRejects(
        WindowedSerdes.timeWindowedSerdeFrom(Serdes.Long(), Long.MAX_VALUE).deserializer(), data);
  }
}
