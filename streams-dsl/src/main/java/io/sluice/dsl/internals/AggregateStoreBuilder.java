package io.sluice.dsl.internals;

import io.sluice.state.StateStore;
import io.sluice.state.StoreBuilder;
import java.util.Map;
import java.util.function.Function;

/**
 * Wraps each store a builder builds in an outer layer ({@link WindowAggregateStore}, {@link
 * SessionAggregateStore}); every setting goes to the wrapped builder.
 *
 * @param <T> the store type
 */
final class AggregateStoreBuilder<T extends StateStore> implements StoreBuilder<T> {
  private final StoreBuilder<T> inner;
  private final Function<T, T> wrap;

  AggregateStoreBuilder(StoreBuilder<T> inner, Function<T, T> wrap) {
    this.inner = inner;
    this.wrap = wrap;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public StoreBuilder<T> withLoggingEnabled(Map<String, String> topicConfig) {
    inner.withLoggingEnabled(topicConfig);
    return this;
  }

  @Override
  public StoreBuilder<T> withLoggingDisabled() {
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
  public StoreBuilder<T> withCachingEnabled() {
    inner.withCachingEnabled();
    return this;
  }

  @Override
  public StoreBuilder<T> withCachingDisabled() {
    inner.withCachingDisabled();
    return this;
  }

  @Override
  public boolean cachingEnabled() {
    return inner.cachingEnabled();
  }

  @Override
  public T build() {
    return wrap.apply(inner.build());
  }
}
