package io.sluice.state.internals;

import io.sluice.state.StateStore;
import io.sluice.state.StoreBuilder;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * What every store builder shares: the name, the serdes ({@code null} = configured defaults), the
 * logging switch (on by default) and the caching switch (off by default).
 */
public abstract class AbstractStoreBuilder<K, V, T extends StateStore> implements StoreBuilder<T> {

  private final String name;
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;
  private boolean loggingEnabled = true;
  private boolean cachingEnabled;
  private Map<String, String> logConfig = Map.of();

  AbstractStoreBuilder(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    this.name = Objects.requireNonNull(name, "name");
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
  }

  @Override
  public final String name() {
    return name;
  }

  /** The key serde, or {@code null} for {@code default.key.serde}. */
  final Serde<K> keySerde() {
    return keySerde;
  }

  /** The value serde, or {@code null} for {@code default.value.serde}. */
  final Serde<V> valueSerde() {
    return valueSerde;
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if {@code topicConfig}, or a key or value in it, is null
   */
  @Override
  public final StoreBuilder<T> withLoggingEnabled(Map<String, String> topicConfig) {
    Objects.requireNonNull(topicConfig, "topicConfig (use an empty map for none)");
    this.logConfig = Map.copyOf(topicConfig);
    this.loggingEnabled = true;
    return this;
  }

  @Override
  public final StoreBuilder<T> withLoggingDisabled() {
    this.loggingEnabled = false;
    this.logConfig = Map.of();
    return this;
  }

  @Override
  public final StoreBuilder<T> withCachingEnabled() {
    this.cachingEnabled = true;
    return this;
  }

  @Override
  public final StoreBuilder<T> withCachingDisabled() {
    this.cachingEnabled = false;
    return this;
  }

  @Override
  public final boolean cachingEnabled() {
    return cachingEnabled;
  }

  @Override
  public final boolean loggingEnabled() {
    return loggingEnabled;
  }

  @Override
  public final Map<String, String> logConfig() {
    return logConfig;
  }
}
