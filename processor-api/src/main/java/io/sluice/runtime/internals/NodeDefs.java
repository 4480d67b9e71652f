package io.sluice.runtime.internals;

import io.sluice.processor.SourceOptions;
import io.sluice.processor.StreamPartitioner;
import io.sluice.processor.TopicNameExtractor;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/** Factories of node definitions for {@link io.sluice.processor.Topology}. */
public final class NodeDefs {
  private NodeDefs() {}

  /** A sink definition; {@code topic} or {@code extractor} is {@code null}. */
  public static <K, V> NodeDef.Sink<K, V> sink(
      String name, String topic, TopicNameExtractor<K, V> extractor, Serializer<K> keySerializer,
      Serializer<V> valueSerializer, StreamPartitioner<? super K, ? super V> partitioner,
      String... parents) {
    return new NodeDef.Sink<>(name, topic, extractor, keySerializer, valueSerializer, partitioner,
        parents == null ? List.of() : List.of(parents));
  }

  /** A source definition reading one topic. */
  public static NodeDef.Source source(
      String name, SourceOptions options, Deserializer<?> keyDeserializer,
      Deserializer<?> valueDeserializer, String topic) {
    return new NodeDef.Source(
        name, List.of(topic), null, keyDeserializer, valueDeserializer, options);
  }
}
