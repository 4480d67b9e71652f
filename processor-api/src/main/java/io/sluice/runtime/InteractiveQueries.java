package io.sluice.runtime;

import io.sluice.processor.StreamPartitioner;
import io.sluice.runtime.StreamsApp.State;
import io.sluice.runtime.internals.query.LocalTasks;
import io.sluice.runtime.internals.query.QueryMetadata;
import io.sluice.state.StateStore;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The interactive-query side of a {@link StreamsApp}: store views over the local tasks, metadata
 * from the latest assignment, and local store lags. Thread-safe; called from user threads.
 */
final class InteractiveQueries {
  private static final Duration LAG_TIMEOUT = Duration.ofSeconds(30);

  private final Supplier<State> state;
  private final LocalTasks local;
  private final QueryMetadata metadata;
  private final Function<String, StateStore> globalStores;
  private final Supplier<Admin> admin;

  InteractiveQueries(Supplier<State> state, LocalTasks local, QueryMetadata metadata,
      Function<String, StateStore> globalStores, Supplier<Admin> admin) {
    this.state = state;
    this.local = local;
    this.metadata = metadata;
    this.globalStores = globalStores;
    this.admin = admin;
  }

  <T> T store(StoreQueryParameters<T> params) {
    Objects.requireNonNull(params, "params");
    String name = params.storeName();
    QueryableStoreType<T> type = params.queryableStoreType();
    requireQueryable(name);
    StateStore global = globalStores.apply(name);
    if (global != null) {
      requireType(name, global, type);
      return type.create(name, () -> {
        requireQueryable(name);
        return List.of(global);
      });
    }
    if (!metadata.hasStore(name)) {
      throw new InvalidStateStoreException("No store named '" + name + "' in the topology;"
          + " its stores are " + metadata.storeNames());
    }
    for (StateStore store : local.find(name, true, null).stores()) {
      requireType(name, store, type);
    }
    return type.create(name, () -> copies(name, params, type));
  }

  private <T> List<StateStore> copies(String name, StoreQueryParameters<T> params,
      QueryableStoreType<T> type) {
    requireQueryable(name);
    LocalTasks.Found found = local.find(name, params.staleStoresEnabled(), params.partition());
    if (found.stores().isEmpty() && found.restoring()) {
      throw new StoreRebalancingException("Store '" + name + "' is restoring on this instance"
          + " (its task just moved here); retry the query once it is restored, or query a"
          + " standby with enableStaleStores()");
    }
    if (found.stores().isEmpty() && params.partition() != null) {
      throw new InvalidStateStoreException("Partition " + params.partition() + " of store '"
          + name + "' is not held by this instance" + (params.staleStoresEnabled() ? ""
          : " as an active copy") + "; find its instance with queryMetadataForKey()");
    }
    for (StateStore store : found.stores()) {
      requireType(name, store, type);
    }
    return found.stores();
  }

  private static void requireType(String name, StateStore store, QueryableStoreType<?> type) {
    if (!type.accepts(store)) {
      throw new InvalidStateStoreException("Store '" + name + "' is a "
          + store.getClass().getSimpleName() + ", which the requested store type does not"
          + " accept; use the QueryableStoreTypes method matching the store (keyValueStore,"
          + " timestampedKeyValueStore, windowStore, timestampedWindowStore, sessionStore)");
    }
  }

  private void requireQueryable(String name) {
    State now = state.get();
    if (now == State.REBALANCING) {
      throw new StoreRebalancingException("Cannot query store '" + name + "': a rebalance is in"
          + " progress (the instance is REBALANCING); retry once it is RUNNING");
    }
    if (now != State.RUNNING) {
      throw new InvalidStateStoreException("Cannot query store '" + name + "': the instance is "
          + now + "; stores are queryable only while it is RUNNING (start() it, or query"
          + " another instance)");
    }
  }

  <K> KeyQueryMetadata metadataForKey(String storeName, K key, Serializer<K> serializer) {
    Objects.requireNonNull(storeName, "storeName");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(serializer, "keySerializer");
    return metadata.forKey(local.assignment(), storeName, key, serializer);
  }

  <K> KeyQueryMetadata metadataForKey(String storeName, K key,
      StreamPartitioner<? super K, ?> partitioner) {
    Objects.requireNonNull(storeName, "storeName");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(partitioner, "partitioner");
    return metadata.forKey(local.assignment(), storeName, key, partitioner);
  }

  Collection<StreamsMetadata> allMetadata() {
    return metadata.all(local.assignment());
  }

  Collection<StreamsMetadata> metadataForStore(String storeName) {
    Objects.requireNonNull(storeName, "storeName");
    return metadata.forStore(local.assignment(), storeName);
  }

  Map<String, Map<Integer, LagInfo>> lags() {
    return local.lags(this::endOffsets);
  }

  private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    Admin client = admin.get();
    if (client == null) {
      throw new IllegalStateException("Store lags are known only after start()");
    }
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    partitions.forEach(tp -> specs.put(tp, OffsetSpec.latest()));
    try {
      Map<TopicPartition, ListOffsetsResultInfo> infos = client.listOffsets(specs).all()
          .get(LAG_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Map<TopicPartition, Long> ends = new HashMap<>();
      infos.forEach((tp, info) -> ends.put(tp, info.offset()));
      return ends;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Interrupted while fetching changelog end offsets", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaException("Cannot fetch the end offsets of changelogs " + partitions
          + " within " + LAG_TIMEOUT.toSeconds() + " s: " + e.getMessage(), e);
    }
  }
}
