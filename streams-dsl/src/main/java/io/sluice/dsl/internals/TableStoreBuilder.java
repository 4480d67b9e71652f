package io.sluice.dsl.internals;

import io.sluice.state.StoreBuilder;
import io.sluice.state.TimestampedKeyValueStore;
import java.util.Map;

/**
 * Builds a {@link TableStore} around each store of a timestamped key-value store builder; every
 * setting goes to that builder.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class TableStoreBuilder<K, V> implements StoreBuilder<TimestampedKeyValueStore<K, V>> {
  private final StoreBuilder<TimestampedKeyValueStore<K, V>> inner;

  TableStoreBuilder(StoreBuilder<TimestampedKeyValueStore<K, V>> inner) {
    this.inner = inner;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public StoreBuilder<TimestampedKeyValueStore<K, V>> withLoggingEnabled(
      Map<String, String> topicConfig) {
    inner.withLoggingEnabled(topicConfig);
    return this;
  }

  @Override
  public StoreBuilder<TimestampedKeyValueStore<K, V>> withLoggingDisabled() {
    inner.withLoggingDisabled();
    return this;
  }

  @Override
  public boolean loggingEnabled() {
    return inner.loggingEnabled();
  }

  @Override
  public Map<String, String> logConfig() {
    return inner.logConfig();
  }

  @Override
  public StoreBuilder<TimestampedKeyValueStore<K, V>> withCachingEnabled() {
    inner.withCachingEnabled();
    return this;
  }

  @Override
  public StoreBuilder<TimestampedKeyValueStore<K, V>> withCachingDisabled() {
    inner.withCachingDisabled();
    return this;
  }

  @Override
  public boolean cachingEnabled() {
    return inner.cachingEnabled();
  }

  @Override
  public TimestampedKeyValueStore<K, V> build() {
    return new TableStore<>(inner.build());
  }
}
