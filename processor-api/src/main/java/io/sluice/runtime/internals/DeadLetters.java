package io.sluice.runtime.internals;

import io.sluice.runtime.DeadLetterHeaders;
import io.sluice.runtime.ErrorContext;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.StreamsException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends a failed record to the dead-letter topic through the task's record collector (so under
 * exactly-once it joins the task's transaction), with {@link DeadLetterHeaders} added to the input
 * record's headers.
 */
final class DeadLetters {
  private static final ByteArraySerializer BYTES = new ByteArraySerializer();

  private final String topic;
  private final RecordCollector collector;

  /** @param topic the dead-letter topic, or null if none is configured */
  DeadLetters(String topic, RecordCollector collector) {
    this.topic = topic;
    this.collector = collector;
  }

  /**
   * @param handlerSetting the setting of the handler that answered DEAD_LETTER, for the error
   * @param raw the input record being processed, or null (punctuation)
   * @throws StreamsException if no dead-letter topic is configured
   */
  void send(String handlerSetting, ErrorContext where, ConsumerRecord<byte[], byte[]> raw,
      Exception error, long timestamp) {
    if (topic == null) {
      throw new StreamsException("The " + handlerSetting + " answered DEAD_LETTER for a record"
          + " (" + where + ") but " + StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME
          + " is not set; set it to the dead-letter topic, or make the handler answer CONTINUE"
          + " or FAIL", error);
    }
    Headers headers = raw == null ? new RecordHeaders() : new RecordHeaders(raw.headers().toArray());
    add(headers, DeadLetterHeaders.EXCEPTION, error.getClass().getName());
    add(headers, DeadLetterHeaders.EXCEPTION_MESSAGE,
        error.getMessage() == null ? "" : error.getMessage());
    add(headers, DeadLetterHeaders.TOPIC, where.topic() == null ? "" : where.topic());
    add(headers, DeadLetterHeaders.PARTITION, Integer.toString(where.partition()));
    add(headers, DeadLetterHeaders.OFFSET, Long.toString(where.offset()));
    add(headers, DeadLetterHeaders.TASK, String.valueOf(where.taskId()));
    add(headers, DeadLetterHeaders.NODE, String.valueOf(where.nodeName()));
    collector.send(topic, raw == null ? null : raw.key(), raw == null ? null : raw.value(),
        headers, null, timestamp, BYTES, BYTES);
  }

  private static void add(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
