package io.sluice.serdes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.sluice.serdes.internals.FormatChecks;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads JSON payloads into one target type with a Jackson reader; see {@link JsonSerde}. */
final class JsonDeserializer<T> implements Deserializer<T> {
  private final ObjectReader reader;
  private final String typeName;

  /**
   * @param reader a reader bound to the target type
   * @param typeName the target type's name for error messages
   */
  JsonDeserializer(ObjectReader reader, String typeName) {
    this.reader = reader;
    this.typeName = typeName;
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return reader.readValue(data);
    } catch (IOException | RuntimeException e) {
      String reason =
          e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.toString();
      throw new SerializationException(
          "Cannot read JSON" + (topic == null ? "" : " from topic '" + topic + "'") + " as "
              + typeName + ": " + reason + " (payload " + FormatChecks.describe(data) + ")",
          e);
    }
  }
}
