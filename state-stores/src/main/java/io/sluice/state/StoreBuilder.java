package io.sluice.state;

import java.util.Map;

/**
 * Builds a store with its layers. The topology keeps the builder and calls {@link #build()} once
 * per task, so every task gets its own store instance.
 *
 * @param <T> the store type built
 */
public interface StoreBuilder<T extends StateStore> {

  /** The name of the stores built. */
  String name();

  /**
   * Sends every write to the changelog topic {@code <application.id>-<name>-changelog}, created
   * with these extra topic configs (on by default).
   *
   * @param topicConfig extra changelog topic configs; may be empty, never {@code null}
   */
  StoreBuilder<T> withLoggingEnabled(Map<String, String> topicConfig);

  /** Keeps the store local only: it is not restored after a failure or a move. */
  StoreBuilder<T> withLoggingDisabled();

  /** Whether the stores built write a changelog. */
  boolean loggingEnabled();

  /** The extra changelog topic configs given with {@link #withLoggingEnabled}. */
  Map<String, String> logConfig();

  /**
   * Puts a caching layer between the typed outer layer and the changelog (off by default): writes
   * stay in the stream thread's record cache ({@code statestore.cache.max.bytes}) until the task
   * commits or the cache evicts them, so consecutive updates of a key reach the store and its
   * changelog once. Reads and iterators see cached writes at once.
   */
  StoreBuilder<T> withCachingEnabled();

  /** Writes go straight to the store and its changelog (the default). */
  StoreBuilder<T> withCachingDisabled();

  /** Whether the stores built cache writes. */
  boolean cachingEnabled();

  /** A new store instance with the configured layers, not yet initialised. */
  T build();
}
