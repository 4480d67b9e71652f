package io.sluice.runtime;

import io.sluice.processor.Record;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A handler that logs the failed record and skips it; the engine counts it as dropped. */
public final class LogAndContinueExceptionHandler
    implements DeserializationExceptionHandler, ProcessingExceptionHandler,
    ProductionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(LogAndContinueExceptionHandler.class);

  /** Creates the handler; it has no state. */
  public LogAndContinueExceptionHandler() {}

  @Override
  public HandlerResponse handle(
      ErrorContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    LOG.warn("Skipping bad input record ({}): {}", context, exception.toString());
    return HandlerResponse.CONTINUE;
  }

  @Override
  public HandlerResponse handle(ErrorContext context, Record<?, ?> record, Exception exception) {
    LOG.warn("Skipping record after processing error ({}): {}", context, exception.toString());
    return HandlerResponse.CONTINUE;
  }

  @Override
  public HandlerResponse handle(
      ErrorContext context, ProducerRecord<?, ?> record, Exception exception) {
    LOG.warn("Skipping record for topic '{}' that cannot be serialized ({}): {}", record.topic(),
        context, exception.toString());
    return HandlerResponse.CONTINUE;
  }

  @Override
  public void configure(Map<String, ?> configs) {}
}
