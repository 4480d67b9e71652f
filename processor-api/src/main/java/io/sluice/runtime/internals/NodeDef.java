package io.sluice.runtime.internals;

import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.SourceOptions;
import io.sluice.processor.StreamPartitioner;
import io.sluice.processor.TopicNameExtractor;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;


/** The definition of one topology node (internal; shared with {@link io.sluice.processor.Topology}). */
public sealed interface NodeDef permits NodeDef.Source, NodeDef.Proc, NodeDef.Sink {
  String name();

  List<String> parents();

  /** Reads {@code topics} (or the topics matching {@code pattern}; then {@code topics} is empty). */
  record Source(
      String name,
      List<String> topics,
      Pattern pattern,
      Deserializer<?> keyDeserializer,
      Deserializer<?> valueDeserializer,
      SourceOptions options)
      implements NodeDef {
    @Override
    public List<String> parents() {
      return List.of();
    }

    String describeTopics() {
      return pattern != null ? "pattern: " + pattern.pattern() : "topics: " + topics;
    }
  }

  /** Runs the processors {@code supplier} creates. */
  record Proc(String name, ProcessorSupplier<?, ?, ?, ?> supplier, List<String> parents)
      implements NodeDef {}

  /** Writes to {@code topic}, or to the topic {@code extractor} picks when {@code topic} is null. */
  record Sink<K, V>(
      String name,
      String topic,
      TopicNameExtractor<K, V> extractor,
      Serializer<K> keySerializer,
      Serializer<V> valueSerializer,
      StreamPartitioner<? super K, ? super V> partitioner,
      List<String> parents)
      implements NodeDef {}
}
