package io.sluice.state;

import io.sluice.state.internals.InMemoryKeyValueBytesStoreSupplier;
import io.sluice.state.internals.InMemorySessionBytesStoreSupplier;
import io.sluice.state.internals.InMemoryWindowBytesStoreSupplier;
import io.sluice.state.internals.RocksDBKeyValueBytesStoreSupplier;
import io.sluice.state.internals.RocksDBSessionBytesStoreSupplier;
import io.sluice.state.internals.RocksDBWindowBytesStoreSupplier;
import io.sluice.state.internals.SessionStoreBuilder;
import io.sluice.state.internals.TimestampedKeyValueStoreBuilder;
import io.sluice.state.internals.TimestampedWindowStoreBuilder;
import io.sluice.state.internals.WindowStoreBuilder;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serde;

/**
 * Creates store suppliers (the storage engine at a store's core) and store builders (which add the
 * metered and changelogging layers around it). Arguments are validated at once; an invalid one
 * raises an {@link IllegalArgumentException} naming the argument and its value.
 *
 * <pre>{@code
 * StoreBuilder<KeyValueStore<String, Long>> counts =
 *     Stores.keyValueStoreBuilder(
 *         Stores.inMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Long());
 * }</pre>
 *
 * Serdes passed as {@code null} are taken from {@code default.key.serde} and {@code
 * default.value.serde} when the store is initialised. Logging is enabled by default.
 */
public final class Stores {

  private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]+");
  // Topic names are at most 249 characters; "-changelog" and the application id come around it.
  private static final int MAX_NAME_LENGTH = 200;

  private Stores() {}

  /**
   * An in-memory key-value store supplier.
   *
   * @param name the store name: 1 to 200 ASCII letters, digits, '.', '_' or '-' (it names the
   *     changelog topic)
   * @throws IllegalArgumentException if {@code name} is invalid
   */
  public static KeyValueBytesStoreSupplier inMemoryKeyValueStore(String name) {
    return new InMemoryKeyValueBytesStoreSupplier(validName(name));
  }

  /**
   * An in-memory window store supplier.
   *
   * @param name the store name (see {@link #inMemoryKeyValueStore(String)})
   * @param retentionPeriod how long windows are kept after their start, in stream time; at least
   *     {@code windowSize}
   * @param windowSize the size of the windows stored; not negative
   * @param retainDuplicates whether to keep every put (for stream-stream joins)
   * @throws IllegalArgumentException if an argument is invalid
   */
  public static WindowBytesStoreSupplier inMemoryWindowStore(
      String name, Duration retentionPeriod, Duration windowSize, boolean retainDuplicates) {
    WindowArgs args = WindowArgs.of(name, retentionPeriod, windowSize);
    return new InMemoryWindowBytesStoreSupplier(
        args.name, args.retentionMs, args.windowSizeMs, retainDuplicates);
  }

  /**
   * A persistent key-value store supplier: RocksDB under the task's state directory, in
   * {@code rocksdb/<name>}, its memory bounded per instance by {@code rocksdb.memory.max.bytes}.
   *
   * @param name the store name (see {@link #inMemoryKeyValueStore(String)})
   * @throws IllegalArgumentException if {@code name} is invalid
   */
  public static KeyValueBytesStoreSupplier persistentKeyValueStore(String name) {
    return new RocksDBKeyValueBytesStoreSupplier(validName(name));
  }

  /**
   * A persistent key-value store supplier for {@link #timestampedKeyValueStoreBuilder}: the same
   * byte store as {@link #persistentKeyValueStore}, since the timestamp travels inside the value
   * bytes.
   *
   * @param name the store name (see {@link #inMemoryKeyValueStore(String)})
   * @throws IllegalArgumentException if {@code name} is invalid
   */
  public static KeyValueBytesStoreSupplier persistentTimestampedKeyValueStore(String name) {
    return persistentKeyValueStore(name);
  }

  /**
   * A persistent window store supplier: RocksDB, one instance per time segment, so that
   * retention drops whole segments. The segment interval is {@code max(retention / 2, 60 s)}.
   *
   * @param name the store name (see {@link #inMemoryKeyValueStore(String)})
   * @param retentionPeriod how long windows are kept after their start, in stream time; at least
   *     {@code windowSize}
   * @param windowSize the size of the windows stored; not negative
   * @param retainDuplicates whether to keep every put (for stream-stream joins)
   * @throws IllegalArgumentException if an argument is invalid
   */
  public static WindowBytesStoreSupplier persistentWindowStore(
      String name, Duration retentionPeriod, Duration windowSize, boolean retainDuplicates) {
    WindowArgs args = WindowArgs.of(name, retentionPeriod, windowSize);
    return new RocksDBWindowBytesStoreSupplier(args.name, args.retentionMs, args.windowSizeMs,
        retainDuplicates, RocksDBWindowBytesStoreSupplier.defaultSegmentInterval(args.retentionMs));
  }

  /**
   * A persistent window store supplier for {@link #timestampedWindowStoreBuilder}; see {@link
   * #persistentWindowStore}.
   *
   * @throws IllegalArgumentException if an argument is invalid
   */
  public static WindowBytesStoreSupplier persistentTimestampedWindowStore(
      String name, Duration retentionPeriod, Duration windowSize, boolean retainDuplicates) {
    return persistentWindowStore(name, retentionPeriod, windowSize, retainDuplicates);
  }

  /**
   * A persistent session store supplier: RocksDB, segmented by session end time.
   *
   * @param name the store name (see {@link #inMemoryKeyValueStore(String)})
   * @param retentionPeriod how long sessions are kept after their end, in stream time; not negative
   * @throws IllegalArgumentException if an argument is invalid
   */
  public static SessionBytesStoreSupplier persistentSessionStore(
      String name, Duration retentionPeriod) {
    long retentionMs = nonNegativeMillis("retentionPeriod", retentionPeriod);
    return new RocksDBSessionBytesStoreSupplier(validName(name), retentionMs,
        RocksDBWindowBytesStoreSupplier.defaultSegmentInterval(retentionMs));
  }

  /** Validated window-store arguments, shared by the in-memory and persistent factories. */
  private record WindowArgs(String name, long retentionMs, long windowSizeMs) {
    static WindowArgs of(String name, Duration retentionPeriod, Duration windowSize) {
      String validName = validName(name);
      long retentionMs = nonNegativeMillis("retentionPeriod", retentionPeriod);
      long windowSizeMs = nonNegativeMillis("windowSize", windowSize);
      if (retentionMs < windowSizeMs) {
        throw new IllegalArgumentException("retentionPeriod (" + retentionMs
            + " ms) must be at least windowSize (" + windowSizeMs + " ms) for window store "
            + validName + ", or windows would expire before they close");
      }
      return new WindowArgs(validName, retentionMs, windowSizeMs);
    }
  }

  /**
   * An in-memory session store supplier.
   *
   * @param name the store name (see {@link #inMemoryKeyValueStore(String)})
   * @param retentionPeriod how long sessions are kept after their end, in stream time; not negative
   * @throws IllegalArgumentException if an argument is invalid
   */
  public static SessionBytesStoreSupplier inMemorySessionStore(
      String name, Duration retentionPeriod) {
    return new InMemorySessionBytesStoreSupplier(
        validName(name), nonNegativeMillis("retentionPeriod", retentionPeriod));
  }

  /**
   * A builder of key-value stores around {@code supplier}'s byte stores; {@link
   * KeyValueStoreBuilder#withTtl} makes entries expire by stream time.
   *
   * @param keySerde the key serde, or {@code null} for {@code default.key.serde}
   * @param valueSerde the value serde, or {@code null} for {@code default.value.serde}
   * @throws NullPointerException if {@code supplier} is null
   */
  public static <K, V> KeyValueStoreBuilder<KeyValueStore<K, V>> keyValueStoreBuilder(
      KeyValueBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
    return new io.sluice.state.internals.KeyValueStoreBuilder<>(supplier, keySerde, valueSerde);
  }

  /**
   * A builder of timestamped key-value stores around {@code supplier}'s byte stores; {@link
   * KeyValueStoreBuilder#withTtl} makes entries expire by stream time (judged by the time of the
   * last write, not by the timestamp stored with the value).
   *
   * @param keySerde the key serde, or {@code null} for {@code default.key.serde}
   * @param valueSerde the plain value serde, or {@code null} for {@code default.value.serde}
   * @throws NullPointerException if {@code supplier} is null
   */
  public static <K, V>
      KeyValueStoreBuilder<TimestampedKeyValueStore<K, V>> timestampedKeyValueStoreBuilder(
          KeyValueBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
    return new TimestampedKeyValueStoreBuilder<>(supplier, keySerde, valueSerde);
  }

  /**
   * A builder of window stores around {@code supplier}'s byte stores.
   *
   * @param keySerde the key serde, or {@code null} for {@code default.key.serde}
   * @param valueSerde the value serde, or {@code null} for {@code default.value.serde}
   * @throws NullPointerException if {@code supplier} is null
   */
  public static <K, V> StoreBuilder<WindowStore<K, V>> windowStoreBuilder(
      WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
    return new WindowStoreBuilder<>(supplier, keySerde, valueSerde);
  }

  /**
   * A builder of timestamped window stores around {@code supplier}'s byte stores.
   *
   * @param keySerde the key serde, or {@code null} for {@code default.key.serde}
   * @param valueSerde the plain value serde, or {@code null} for {@code default.value.serde}
   * @throws NullPointerException if {@code supplier} is null
   */
  public static <K, V> StoreBuilder<TimestampedWindowStore<K, V>> timestampedWindowStoreBuilder(
      WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
    return new TimestampedWindowStoreBuilder<>(supplier, keySerde, valueSerde);
  }

  /**
   * A builder of session stores around {@code supplier}'s byte stores.
   *
   * @param keySerde the key serde, or {@code null} for {@code default.key.serde}
   * @param aggSerde the aggregate serde, or {@code null} for {@code default.value.serde}
   * @throws NullPointerException if {@code supplier} is null
   */
  public static <K, AGG> StoreBuilder<SessionStore<K, AGG>> sessionStoreBuilder(
      SessionBytesStoreSupplier supplier, Serde<K> keySerde, Serde<AGG> aggSerde) {
    return new SessionStoreBuilder<>(supplier, keySerde, aggSerde);
  }

  private static String validName(String name) {
    if (name == null || name.length() > MAX_NAME_LENGTH || !LEGAL_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "store name must be 1 to "
              + MAX_NAME_LENGTH
              + " ASCII letters, digits, '.', '_' or '-' (it names the changelog topic) but was "
              + (name == null ? "null" : "'" + name + "'"));
    }
    return name;
  }

  private static long nonNegativeMillis(String argument, Duration duration) {
    Objects.requireNonNull(duration, argument);
    long millis;
    try {
      millis = duration.toMillis();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          argument + " must fit in a long of milliseconds but was " + duration, e);
    }
    if (millis < 0) {
      throw new IllegalArgumentException(argument + " must not be negative but was " + duration);
    }
    return millis;
  }
}
