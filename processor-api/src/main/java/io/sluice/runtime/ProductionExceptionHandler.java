package io.sluice.runtime;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Configurable;

/**
 * Decides what happens when a record a task sends (sink output, repartition) cannot be
 * serialized. Set with {@code production.exception.handler}. Only errors raised before a record
 * reaches the producer can be skipped: a failed send fails the task (under exactly-once it
 * poisons the transaction), since records sent after it may already be written.
 */
public interface ProductionExceptionHandler extends Configurable {
  /**
   * @param context where the record was produced (the input record being processed)
   * @param record the record that could not be serialized, with its unserialized key and value
   * @param exception what the serializer threw
   * @return FAIL to stop the task, CONTINUE to drop (and count) the record, DEAD_LETTER to drop
   *     it and send the input record to the dead-letter topic
   */
  HandlerResponse handle(ErrorContext context, ProducerRecord<?, ?> record, Exception exception);

  @Override
  default void configure(Map<String, ?> configs) {}
}
