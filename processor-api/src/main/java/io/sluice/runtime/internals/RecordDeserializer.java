package io.sluice.runtime.internals;

import io.sluice.runtime.DeserializationExceptionHandler;
import io.sluice.runtime.ErrorContext;
import io.sluice.runtime.HandlerResponse;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.StreamsException;
import io.sluice.state.TaskId;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a raw input record into a {@link StampedRecord} through its source's deserializers and
 * timestamp extractor. A failure, or a negative timestamp, goes to the deserialization exception
 * handler: FAIL throws, CONTINUE drops the record and counts it, DEAD_LETTER also sends it to the
 * dead-letter topic.
 */
final class RecordDeserializer {
  private final SourceNode source;
  private final DeserializationExceptionHandler handler;
  private final TaskId taskId;
  private final TaskContext task;

  RecordDeserializer(SourceNode source, TaskContext task) {
    this.source = source;
    this.handler = task.config().deserializationHandler();
    this.taskId = task.taskId();
    this.task = task;
  }

  /**
   * @param partitionTime the largest timestamp of the record's partition so far, or -1
   * @return the stamped record, or {@code null} if the handler chose to drop it
   * @throws StreamsException if the handler answers FAIL
   */
  StampedRecord deserialize(ConsumerRecord<byte[], byte[]> raw, long partitionTime) {
    try {
      Object key = source.keyDeserializer().deserialize(raw.topic(), raw.headers(), raw.key());
      Object value =
          source.valueDeserializer().deserialize(raw.topic(), raw.headers(), raw.value());
      ConsumerRecord<Object, Object> record = new ConsumerRecord<>(raw.topic(), raw.partition(),
          raw.offset(), raw.timestamp(), raw.timestampType(), raw.serializedKeySize(),
          raw.serializedValueSize(), key, value, raw.headers(), raw.leaderEpoch());
      long timestamp = source.timestampExtractor().extract(record, partitionTime);
      if (timestamp < 0) {
        throw new StreamsException("the timestamp extractor "
            + source.timestampExtractor().getClass().getName() + " returned the negative"
            + " timestamp " + timestamp + "; use an extractor that gives valid timestamps");
      }
      return new StampedRecord(record, timestamp, source, raw);
    } catch (RuntimeException e) {
      ErrorContext where =
          new ErrorContext(taskId, source.name(), raw.topic(), raw.partition(), raw.offset());
      HandlerResponse response = handler.handle(where, raw, e);
      if (response == HandlerResponse.FAIL) {
        throw new StreamsException("Cannot read the record at topic " + raw.topic()
            + ", partition " + raw.partition() + ", offset " + raw.offset() + " (source '"
            + source.name() + "', task " + taskId + "): " + e.getMessage() + ". Set"
            + " deserialization.exception.handler to LogAndContinueExceptionHandler to skip"
            + " such records", e);
      }
      if (response == HandlerResponse.DEAD_LETTER) {
        task.deadLetters().send(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER, where, raw, e,
            task.wallClockMs());
      }
      task.taskMetrics().recordDropped();
      return null;
    }
  }
}
