package io.sluice.dsl.internals;

import io.sluice.dsl.JoinWindows;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.StreamJoined;
import io.sluice.processor.TopologyException;
import io.sluice.state.KeyValueBytesStoreSupplier;
import io.sluice.state.KeyValueStore;
import io.sluice.state.StoreBuilder;
import io.sluice.state.Stores;
import io.sluice.state.WindowBytesStoreSupplier;
import io.sluice.state.WindowStore;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * The stores of a stream-stream join, made when the topology is written: one window store per
 * side (duplicates retained, window size {@code before + after}, retention {@code before + after
 * + grace}) and, for left and outer joins, the shared outer-join buffer. The store type is the
 * {@link StreamJoined}'s, else {@code default.dsl.store}; changelogging follows the {@code
 * StreamJoined}; join stores are never cached.
 */
final class JoinStores {
  private JoinStores() {}

  /**
   * @param name the store name (ignored when {@code supplier} is given)
   * @param supplier the user's supplier, or {@code null}
   * @param options the join's options (store type, logging)
   * @param windows the join windows
   * @param keySerde the key serde, or {@code null} for the default
   * @param valueSerde this side's value serde, or {@code null} for the default
   * @param retention told, when the store is built, whether it is an in-memory one
   * @return the store builder factory
   */
  static <K, V> Function<BuildContext, StoreBuilder<?>> windowStore(String name,
      WindowBytesStoreSupplier supplier, StreamJoined<?, ?, ?> options, JoinWindows windows,
      Serde<K> keySerde, Serde<V> valueSerde, JoinBufferRetention retention) {
    Duration retentionPeriod = Duration.ofMillis(windows.size() + windows.gracePeriodMs());
    Duration size = Duration.ofMillis(windows.size());
    return context -> {
      WindowBytesStoreSupplier bytes = supplier;
      if (bytes == null) {
        bytes = inMemory(options, context)
            ? Stores.inMemoryWindowStore(name, retentionPeriod, size, true)
            : Stores.persistentWindowStore(name, retentionPeriod, size, true);
      }
      retention.nullValuesAdvanceClock(
          JoinBufferRetention.IN_MEMORY_SCOPE.equals(bytes.metricsScope()));
      StoreBuilder<WindowStore<K, V>> builder =
          Stores.windowStoreBuilder(bytes, keySerde, valueSerde);
      return logging(builder, options);
    };
  }

  /**
   * @param name the outer-join buffer's name
   * @param options the join's options (store type, logging)
   * @return the store builder factory
   */
  static Function<BuildContext, StoreBuilder<?>> outerStore(String name,
      StreamJoined<?, ?, ?> options) {
    return context -> {
      KeyValueBytesStoreSupplier bytes = inMemory(options, context)
          ? Stores.inMemoryKeyValueStore(name)
          : Stores.persistentKeyValueStore(name);
      StoreBuilder<KeyValueStore<Bytes, byte[]>> builder =
          Stores.keyValueStoreBuilder(bytes, Serdes.Bytes(), Serdes.ByteArray());
      return logging(builder, options);
    };
  }

  /**
   * Checks a user's window store supplier against the join windows.
   *
   * @param supplier the supplier, or {@code null}
   * @param side "this" or "other", for messages
   * @param windows the join windows
   * @throws TopologyException if it does not retain duplicates, its window size is not {@code
   *     before + after}, or its retention is shorter than {@code before + after + grace}
   */
  static void check(WindowBytesStoreSupplier supplier, String side, JoinWindows windows) {
    if (supplier == null) {
      return;
    }
    String what = "StreamJoined " + side + " store supplier '" + supplier.name() + "'";
    if (!supplier.retainDuplicates()) {
      throw new TopologyException(what + " does not retain duplicates; a join buffer must keep"
          + " every record: create it with retainDuplicates = true");
    }
    if (supplier.windowSize() != windows.size()) {
      throw new TopologyException(what + " has window size " + supplier.windowSize()
          + " ms; the join windows need before + after = " + windows.size() + " ms");
    }
    long needed = windows.size() + windows.gracePeriodMs();
    if (supplier.retentionPeriod() < needed) {
      throw new TopologyException(what + " keeps records " + supplier.retentionPeriod()
          + " ms; the join windows need at least before + after + grace = " + needed + " ms");
    }
  }

  private static boolean inMemory(StreamJoined<?, ?, ?> options, BuildContext context) {
    return options.storeType() != null
        ? options.storeType() == Materialized.StoreType.IN_MEMORY
        : context.inMemoryStores();
  }

  private static StoreBuilder<?> logging(StoreBuilder<?> builder,
      StreamJoined<?, ?, ?> options) {
    return options.loggingEnabled()
        ? builder.withLoggingEnabled(options.topicConfig())
        : builder.withLoggingDisabled();
  }
}
