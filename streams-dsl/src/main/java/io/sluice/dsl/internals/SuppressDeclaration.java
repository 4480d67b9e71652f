package io.sluice.dsl.internals;

import io.sluice.dsl.KTable;
import io.sluice.dsl.Suppressed;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.TopologyException;
import io.sluice.serdes.Windowed;
import io.sluice.serdes.WindowedSerdes;
import io.sluice.state.KeyValueStore;
import io.sluice.state.StoreBuilder;
import io.sluice.state.Stores;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongBiFunction;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * Declares {@code KTable.suppress}: a {@link KTableSuppress} node after the table, with its
 * changelogged buffer store ({@code <name>-store}, or a generated name), reading old values from
 * the table. {@code untilWindowCloses} needs a windowed aggregation upstream, whose grace (and,
 * for default serdes, window kind) it takes.
 */
final class SuppressDeclaration {
  static final String SUPPRESS = "KTABLE-SUPPRESS-";

  private SuppressDeclaration() {}

  /**
   * @param table the table to suppress
   * @param suppressed the user's options
   * @return the suppressed table
   * @throws TopologyException if {@code untilWindowCloses} is used on a table that no windowed
   *     aggregation produced
   */
  static <K, V> KTable<K, V> suppress(KTableImpl<K, V> table, Suppressed<? super K> suppressed) {
    // Suppressed only carries its options; its key type parameter merely guides inference.
    @SuppressWarnings("unchecked")
    Suppressed<K> options = (Suppressed<K>) suppressed;
    InternalStreamsBuilder builder = table.builder();
    String name = options.name() != null ? options.name() : builder.newName(SUPPRESS);
    String storeName = options.name() != null ? options.name() + "-store"
        : builder.newStoreName(SUPPRESS);
    long duration;
    ToLongBiFunction<K, Long> bufferTime;
    Function<ProcessorContext<?, ?>, Serde<K>> keySerde;
    if (options.untilWindowClose()) {
      StoreProcessorNode<?, ?, ?, ?> window = windowedAggregation(table.node(), name);
      duration = window.windowGraceMs();
      bufferTime = (key, timestamp) -> ((Windowed<?>) key).window().endMs();
      keySerde = windowedKeySerde(table.keySerde(), window.windowSizeMs());
    } else {
      duration = options.timeLimitMs();
      bufferTime = (key, timestamp) -> timestamp;
      Serde<K> known = table.keySerde();
      keySerde = context -> known != null ? known : defaultSerde(context.keySerde());
    }
    Serde<V> knownValues = table.valueSerde();
    Function<ProcessorContext<?, ?>, Serde<V>> valueSerde =
        context -> knownValues != null ? knownValues : defaultSerde(context.valueSerde());
    table.enableSendingOldValues(true);
    KTableSuppress<K, V> supplier = new KTableSuppress<>(name, storeName, options, duration,
        bufferTime, keySerde, valueSerde);
    Function<BuildContext, StoreBuilder<?>> store = context -> bufferStore(context, storeName);
    StoreProcessorNode<K, ?, K, ?> node = new StoreProcessorNode<>(name,
        List.of(table.node()), supplier, List.of(store), List.of(), -1, -1);
    builder.add(node);
    return new KTableImpl<>(builder, node, new SuppressedTableOperator<>(table), table.keySerde(),
        table.valueSerde(), null);
  }

  private static StoreBuilder<KeyValueStore<Bytes, byte[]>> bufferStore(BuildContext context,
      String storeName) {
    return Stores.keyValueStoreBuilder(context.inMemoryStores()
            ? Stores.inMemoryKeyValueStore(storeName)
            : Stores.persistentKeyValueStore(storeName), Serdes.Bytes(), Serdes.ByteArray())
        .withCachingDisabled();
  }

  private static StoreProcessorNode<?, ?, ?, ?> windowedAggregation(GraphNode start,
      String suppressName) {
    Deque<GraphNode> todo = new ArrayDeque<>(List.of(start));
    Set<GraphNode> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      GraphNode node = todo.pop();
      if (!seen.add(node)) {
        continue;
      }
      if (node instanceof StoreProcessorNode<?, ?, ?, ?> stored && stored.windowGraceMs() >= 0) {
        return stored;
      }
      todo.addAll(node.parents());
    }
    throw new TopologyException("suppress '" + suppressName + "' uses"
        + " Suppressed.untilWindowCloses, but its table does not come from a windowed"
        + " aggregation (windowedBy(...).count/reduce/aggregate); use untilTimeLimit for other"
        + " tables");
  }

  private static <K> Function<ProcessorContext<?, ?>, Serde<K>> windowedKeySerde(
      Serde<K> known, long windowSizeMs) {
    return context -> {
      if (known != null) {
        return known;
      }
      Serde<Object> inner = defaultSerde(context.keySerde());
      Serde<Windowed<Object>> windowed = windowSizeMs > 0
          ? WindowedSerdes.timeWindowedSerdeFrom(inner, windowSizeMs)
          : WindowedSerdes.sessionWindowedSerdeFrom(inner);
      return defaultSerde(windowed);
    };
  }

  // The default serdes are configured by the application for the table's key and value types.
  @SuppressWarnings("unchecked")
  private static <T> Serde<T> defaultSerde(Serde<?> serde) {
    return (Serde<T>) serde;
  }
}
