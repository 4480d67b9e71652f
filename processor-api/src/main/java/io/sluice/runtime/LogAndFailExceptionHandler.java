package io.sluice.runtime;

import io.sluice.processor.Record;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default handler for deserialization and processing errors: log, then fail the task. */
public final class LogAndFailExceptionHandler
    implements DeserializationExceptionHandler, ProcessingExceptionHandler,
    ProductionExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(LogAndFailExceptionHandler.class);

  /** Creates the handler; it has no state. */
  public LogAndFailExceptionHandler() {}

  @Override
  public HandlerResponse handle(
      ErrorContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    LOG.error("Failing on bad input record ({}): {}", context, exception.toString());
    return HandlerResponse.FAIL;
  }

  @Override
  public HandlerResponse handle(ErrorContext context, Record<?, ?> record, Exception exception) {
    LOG.error("Failing on processing error ({}): {}", context, exception.toString());
    return HandlerResponse.FAIL;
  }

  @Override
  public HandlerResponse handle(
      ErrorContext context, ProducerRecord<?, ?> record, Exception exception) {
    LOG.error("Failing record for topic '{}' that cannot be serialized ({}): {}", record.topic(),
        context, exception.toString());
    return HandlerResponse.FAIL;
  }

  @Override
  public void configure(Map<String, ?> configs) {}
}
