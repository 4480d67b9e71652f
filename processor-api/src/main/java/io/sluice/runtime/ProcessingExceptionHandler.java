package io.sluice.runtime;

import io.sluice.processor.Record;
import java.util.Map;
import org.apache.kafka.common.Configurable;

/**
 * Decides what happens when a processor throws while processing a record. Set with {@code
 * processing.exception.handler}.
 */
public interface ProcessingExceptionHandler extends Configurable {
  /**
   * @param context where the record failed
   * @param record the record the failing processor received
   * @param exception what the processor threw
   * @return FAIL to stop the task, CONTINUE to drop (and count) the record
   */
  HandlerResponse handle(ErrorContext context, Record<?, ?> record, Exception exception);

  @Override
  default void configure(Map<String, ?> configs) {}
}
