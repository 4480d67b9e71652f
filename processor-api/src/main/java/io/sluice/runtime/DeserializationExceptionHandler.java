package io.sluice.runtime;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Configurable;

/**
 * Decides what happens to an input record whose key or value cannot be deserialized, or whose
 * extracted timestamp is invalid (negative). Set with {@code deserialization.exception.handler}.
 * Instances are created per application from their class and configured with the application's
 * settings.
 */
public interface DeserializationExceptionHandler extends Configurable {
  /**
   * @param context where the record failed
   * @param record the raw record
   * @param exception why it failed
   * @return FAIL to stop the task, CONTINUE to drop (and count) the record
   */
  HandlerResponse handle(
      ErrorContext context, ConsumerRecord<byte[], byte[]> record, Exception exception);

  @Override
  default void configure(Map<String, ?> configs) {}
}
