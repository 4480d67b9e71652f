package io.sluice.runtime;

import io.sluice.processor.Record;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A handler for all three kinds of failure that logs the record and sends it to the dead-letter
 * topic ({@value StreamsConfig#ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME}, which must be set);
 * processing goes on.
 */
public final class DeadLetterQueueExceptionHandler implements DeserializationExceptionHandler,
    ProcessingExceptionHandler, ProductionExceptionHandler {
  private static final Logger LOG =
      LoggerFactory.getLogger(DeadLetterQueueExceptionHandler.class);

  /** Creates the handler; it has no state. */
  public DeadLetterQueueExceptionHandler() {}

  @Override
  public HandlerResponse handle(
      ErrorContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    LOG.warn("Dead-lettering bad input record ({}): {}", context, exception.toString());
    return HandlerResponse.DEAD_LETTER;
  }

  @Override
  public HandlerResponse handle(ErrorContext context, Record<?, ?> record, Exception exception) {
    LOG.warn("Dead-lettering record after processing error ({}): {}", context,
        exception.toString());
    return HandlerResponse.DEAD_LETTER;
  }

  @Override
  public HandlerResponse handle(
      ErrorContext context, ProducerRecord<?, ?> record, Exception exception) {
    LOG.warn("Dead-lettering record whose output to topic '{}' cannot be serialized ({}): {}",
        record.topic(), context, exception.toString());
    return HandlerResponse.DEAD_LETTER;
  }

  @Override
  public void configure(Map<String, ?> configs) {}
}
