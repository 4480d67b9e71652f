package io.sluice.dsl.internals;

import io.sluice.dsl.Consumed;
import io.sluice.processor.SourceOptions;
import io.sluice.processor.Topology;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;

/** Reads a list of topics, or the topics matching a pattern. */
final class SourceNode extends GraphNode {
  private final List<String> topics;
  private final Pattern pattern;
  private final Consumed<?, ?> consumed;

  SourceNode(String name, List<String> topics, Pattern pattern, Consumed<?, ?> consumed) {
    super(name, false, List.of());
    this.topics = List.copyOf(topics);
    this.pattern = pattern;
    this.consumed = consumed;
  }

  @Override
  void writeTo(Topology topology) {
    SourceOptions options = SourceOptions.defaults();
    if (consumed.offsetResetPolicy() != null) {
      options = options.withOffsetReset(consumed.offsetResetPolicy());
    }
    if (consumed.timestampExtractor() != null) {
      options = options.withTimestampExtractor(consumed.timestampExtractor());
    }
    Deserializer<?> keys = deserializer(consumed.keySerde());
    Deserializer<?> values = deserializer(consumed.valueSerde());
    if (pattern != null) {
      topology.addSource(name(), options, keys, values, pattern);
    } else {
      topology.addSource(name(), options, keys, values, topics.toArray(String[]::new));
    }
  }

  private static Deserializer<?> deserializer(Serde<?> serde) {
    return serde == null ? null : serde.deserializer();
  }
}
