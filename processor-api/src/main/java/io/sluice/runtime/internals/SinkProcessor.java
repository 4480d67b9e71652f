package io.sluice.runtime.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.runtime.StreamsException;
import org.apache.kafka.common.serialization.Serializer;

/** The processor of a sink node: sends each record through the task's record collector. */
final class SinkProcessor<K, V> implements Processor<K, V, Void, Void> {
  private final NodeDef.Sink<K, V> def;
  private final Serializer<K> keySerializer;
  private final Serializer<V> valueSerializer;
  private final TaskContext task;
  private ProcessorContext<Void, Void> context;

  SinkProcessor(NodeDef.Sink<K, V> def, TaskContext task) {
    this.def = def;
    this.task = task;
    this.keySerializer = def.keySerializer() != null
        ? def.keySerializer()
        : DefaultSerdes.serializer(task.defaultKeySerde(), "key", def.name());
    this.valueSerializer = def.valueSerializer() != null
        ? def.valueSerializer()
        : DefaultSerdes.serializer(task.defaultValueSerde(), "value", def.name());
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
  }

  @Override
  public void process(Record<K, V> record) {
    String topic = def.topic() != null
        ? def.topic()
        : def.extractor().extract(record, context.recordMetadata());
    if (topic == null) {
      throw new StreamsException(
          "The topic-name extractor of sink '" + def.name() + "' returned null for " + record);
    }
    RecordCollector collector = task.collector();
    if (def.partitioner() == null) {
      collector.send(topic, record.key(), record.value(), record.headers(), null,
          record.timestamp(), keySerializer, valueSerializer);
    } else {
      collector.send(topic, record.key(), record.value(), record.headers(), record.timestamp(),
          keySerializer, valueSerializer, def.partitioner());
    }
  }
}
