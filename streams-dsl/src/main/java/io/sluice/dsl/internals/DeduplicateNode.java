package io.sluice.dsl.internals;

import io.sluice.dsl.Deduplicated;
import io.sluice.processor.Topology;
import io.sluice.state.KeyValueBytesStoreSupplier;
import io.sluice.state.StoreBuilder;
import io.sluice.state.Stores;
import io.sluice.state.WindowBytesStoreSupplier;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/**
 * The deduplicate processor and its store, whose type ({@code default.dsl.store}) is chosen when
 * the topology is written.
 */
final class DeduplicateNode<K, V, ID> extends GraphNode {
  private final KStreamDeduplicate<K, V, ID> supplier;
  private final String storeName;
  private final Serde<ID> idSerde;
  private final long intervalMs;
  private final Deduplicated<ID> options;

  DeduplicateNode(String name, GraphNode parent, KStreamDeduplicate<K, V, ID> supplier,
      String storeName, Serde<ID> idSerde, long intervalMs, Deduplicated<ID> options) {
    super(name, false, List.of(parent));
    this.supplier = supplier;
    this.storeName = storeName;
    this.idSerde = idSerde;
    this.intervalMs = intervalMs;
    this.options = options;
  }

  /** @return the name of the store that remembers the ids */
  String storeName() {
    return storeName;
  }

  @Override
  void writeTo(Topology topology) {
    writeTo(topology, BuildContext.defaults());
  }

  @Override
  void writeTo(Topology topology, BuildContext context) {
    topology.addProcessor(name(), supplier, parentNames());
    StoreBuilder<?> store = options.storeType() == Deduplicated.StoreType.WINDOW
        ? windowStore(context.inMemoryStores())
        : keyValueStore(context.inMemoryStores());
    if (options.cachingEnabled()) {
      store.withCachingEnabled();
    } else {
      store.withCachingDisabled();
    }
    topology.addStateStore(store, name());
  }

  private StoreBuilder<?> keyValueStore(boolean inMemory) {
    KeyValueBytesStoreSupplier bytes = inMemory
        ? Stores.inMemoryKeyValueStore(storeName)
        : Stores.persistentKeyValueStore(storeName);
    return Stores.keyValueStoreBuilder(bytes, idSerde, new DedupEntrySerde())
        .withTtl(Duration.ofMillis(intervalMs));
  }

  private StoreBuilder<?> windowStore(boolean inMemory) {
    Duration retention = Duration.ofMillis(intervalMs);
    Duration size = Duration.ofMillis(1);
    WindowBytesStoreSupplier bytes = inMemory
        ? Stores.inMemoryWindowStore(storeName, retention, size, false)
        : Stores.persistentWindowStore(storeName, retention, size, false);
    return Stores.windowStoreBuilder(bytes, idSerde, new DedupEntrySerde());
  }
}
