package io.sluice.serdes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes values as UTF-8 JSON with a Jackson writer; see {@link JsonSerde}. */
final class JsonSerializer<T> implements Serializer<T> {
  private final ObjectWriter writer;

  JsonSerializer(ObjectWriter writer) {
    this.writer = writer;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    try {
      return writer.writeValueAsBytes(data);
    } catch (JsonProcessingException e) {
      throw new SerializationException(
          "Cannot write a " + data.getClass().getName() + " as JSON for topic '" + topic + "': "
              + e.getOriginalMessage(),
          e);
    }
  }
}
