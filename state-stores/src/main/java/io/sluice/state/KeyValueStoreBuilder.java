package io.sluice.state;

import java.time.Duration;
import java.util.Optional;

/**
 * A {@link StoreBuilder} of key-value stores, which can also expire entries by stream time.
 *
 * <pre>{@code
 * StoreBuilder<KeyValueStore<String, Long>> sessions =
 *     Stores.keyValueStoreBuilder(
 *             Stores.persistentKeyValueStore("last-seen"), Serdes.String(), Serdes.Long())
 *         .withTtl(Duration.ofHours(1))
 *         .withCachingEnabled();
 * }</pre>
 *
 * @param <T> the store type built
 */
public interface KeyValueStoreBuilder<T extends StateStore> extends StoreBuilder<T> {

  /**
   * Expires every entry whose last write is more than {@code ttl} older than the task's stream
   * time. An entry's write time is the timestamp of the record being processed when it was put (or
   * stream time outside record processing). Expired entries are never read; they are removed as
   * stream time advances (on writes and on commit) with a changelog tombstone each, and with
   * caching enabled the flush listener receives each removal as an update to {@code null}.
   *
   * @param ttl the time to live in stream time; positive, at most {@link Long#MAX_VALUE} ms
   * @return this builder
   * @throws NullPointerException if {@code ttl} is null
   * @throws IllegalArgumentException if {@code ttl} is zero, negative or too large
   */
  KeyValueStoreBuilder<T> withTtl(Duration ttl);

  /** The time to live given with {@link #withTtl}, or empty if entries never expire. */
  Optional<Duration> ttl();
}
