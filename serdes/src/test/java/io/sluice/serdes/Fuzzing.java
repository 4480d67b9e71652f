package io.sluice.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** The fuzzing contract of every deserializer: return a value or throw SerializationException. */
public final class Fuzzing {
  private Fuzzing() {}

  /**
   * Feeds {@code data} to {@code deserializer}; any exception other than a {@link
   * SerializationException} with a message escapes and fails the calling test.
   */
  public static void readsOrRejects(Deserializer<?> deserializer, byte[] data) {
    try {
      deserializer.deserialize("fuzz-topic", data);
    } catch (SerializationException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }
}
