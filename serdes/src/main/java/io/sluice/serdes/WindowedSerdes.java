package io.sluice.serdes;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serdes of {@link Windowed} keys, the keys of windowed aggregation results on output topics.
 *
 * <p>Byte layouts, the same as Kafka Streams' windowed keys (no version byte), so consumers of
 * output topics can read them with either library:
 *
 * <pre>
 * time window:    [key bytes from the inner serde][8 bytes window start]
 * session window: [key bytes from the inner serde][8 bytes window end][8 bytes window start]
 * </pre>
 *
 * Times are epoch milliseconds, big-endian; a session key carries its end first. A time window's
 * end is not written: the deserializer computes it as start + window size (capped at {@link
 * Long#MAX_VALUE}), so it needs that size. A session window's end is the timestamp of its last
 * record (inclusive). {@link io.sluice.serdes.internals.WindowedKeyBytes} reads and builds these
 * layouts without deserializing the key.
 *
 * <p>{@code null} serializes to {@code null} and back. Serializing fails with a {@link
 * org.apache.kafka.common.errors.SerializationException} when the inner serde writes {@code null}
 * for the key; deserializing fails with one when the input is shorter than the window suffix or
 * holds a negative start or an end before the start. Configuring or closing a returned serde
 * configures or closes the inner one.
 */
public final class WindowedSerdes {

  private WindowedSerdes() {}

  /**
   * A serde of time-windowed keys.
   *
   * @param inner the serde of the plain key
   * @param windowSizeMs the window size in milliseconds, used to compute window ends when reading
   * @throws IllegalArgumentException if {@code windowSizeMs} is not positive
   * @throws NullPointerException if {@code inner} is null
   */
  public static <K> Serde<Windowed<K>> timeWindowedSerdeFrom(Serde<K> inner, long windowSizeMs) {
    Objects.requireNonNull(inner, "inner");
    if (windowSizeMs <= 0) {
      throw new IllegalArgumentException(
          "windowSizeMs must be > 0 (the size of the windows being read) but was "
              + windowSizeMs);
    }
    return Serdes.serdeFrom(
        new WindowedKeySerializer<>(inner.serializer(), false),
        WindowedKeyDeserializer.timeWindowed(inner.deserializer(), windowSizeMs));
  }

  /**
   * A serde of session-windowed keys.
   *
   * @param inner the serde of the plain key
   * @throws NullPointerException if {@code inner} is null
   */
  public static <K> Serde<Windowed<K>> sessionWindowedSerdeFrom(Serde<K> inner) {
    Objects.requireNonNull(inner, "inner");
    return Serdes.serdeFrom(
        new WindowedKeySerializer<>(inner.serializer(), true),
        WindowedKeyDeserializer.sessionWindowed(inner.deserializer()));
  }
}
