package io.sluice.testkit;

import io.sluice.processor.Topology;
import io.sluice.runtime.internals.SyncDriver;
import io.sluice.state.KeyValueStore;
import io.sluice.state.SessionStore;
import io.sluice.state.StateStore;
import io.sluice.state.TimestampedKeyValueStore;
import io.sluice.state.TimestampedWindowStore;
import io.sluice.state.WindowStore;
import io.sluice.testkit.internals.TimestampStrippingKeyValueStore;
import io.sluice.testkit.internals.TimestampStrippingWindowStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Runs a {@link Topology} synchronously, without a broker, on the same task engine the Kafka
 * runtime uses. Records piped into a {@link TestInputTopic} are processed at once; everything the
 * topology writes (output, repartition and changelog topics) is serialized for real and readable
 * from a {@link TestOutputTopic}. After each piped record the driver runs stream-time punctuation
 * and a commit that flushes caches; wall-clock punctuators fire only in {@link
 * #advanceWallClockTime}, once per call.
 *
 * <p>Settings default to {@code application.id} {@value SyncDriver#DEFAULT_APPLICATION_ID} and a
 * temporary {@code state.dir} that {@link #close()} deletes. Every topic has one partition.
 */
public final class TopologyTestDriver implements AutoCloseable {
  private final SyncDriver driver;

  /** A driver with default settings and the wall clock at the current time. */
  public TopologyTestDriver(Topology topology) {
    this(topology, new Properties());
  }

  /** A driver with the wall clock at {@code initialWallClock}. */
  public TopologyTestDriver(Topology topology, Instant initialWallClock) {
    this(topology, new Properties(), initialWallClock);
  }

  /**
   * A driver with {@code props} and the wall clock at the current time.
   *
   * @throws org.apache.kafka.common.config.ConfigException on invalid settings
   */
  public TopologyTestDriver(Topology topology, Properties props) {
    this(topology, props, Instant.now());
  }

  /**
   * A driver with {@code props} and the wall clock at {@code initialWallClock}.
   *
   * @throws org.apache.kafka.common.config.ConfigException on invalid settings
   * @throws io.sluice.processor.TopologyException if a processor's init fails on the topology
   */
  public TopologyTestDriver(Topology topology, Properties props, Instant initialWallClock) {
    this.driver = new SyncDriver(Objects.requireNonNull(topology, "topology"),
        withTestDefaults(Objects.requireNonNull(props, "props")),
        initialWallClock.toEpochMilli());
  }

  /**
   * Left and outer stream-stream joins emit their unmatched results at most once per interval
   * of wall-clock time on a cluster; a test pipes records faster than any interval, so the driver
   * emits them as soon as their window closes (as Kafka Streams' test driver does), unless the
   * properties say otherwise.
   */
  private static Properties withTestDefaults(Properties props) {
    Properties copy = new Properties();
    copy.putAll(props);
    copy.putIfAbsent(OUTER_JOIN_EMIT_INTERVAL, 0L);
    return copy;
  }

  /** The internal setting of the outer-join emit interval, in ms (Kafka Streams' name). */
  private static final String OUTER_JOIN_EMIT_INTERVAL =
      "__emit.interval.ms.kstreams.outer.join.spurious.results.fix__";

  /** An input topic whose records without timestamp get the wall clock's start time. */
  public <K, V> TestInputTopic<K, V> createInputTopic(
      String topic, Serializer<K> keySerializer, Serializer<V> valueSerializer) {
    return new TestInputTopic<>(driver, topic, keySerializer, valueSerializer,
        Instant.ofEpochMilli(driver.wallClockMs()), Duration.ZERO);
  }

  /**
   * An input topic whose records without timestamp get {@code startTimestamp}, then later times
   * {@code autoAdvance} apart.
   */
  public <K, V> TestInputTopic<K, V> createInputTopic(
      String topic, Serializer<K> keySerializer, Serializer<V> valueSerializer,
      Instant startTimestamp, Duration autoAdvance) {
    return new TestInputTopic<>(
        driver, topic, keySerializer, valueSerializer, startTimestamp, autoAdvance);
  }

  /** A reader of what the topology writes to {@code topic}. */
  public <K, V> TestOutputTopic<K, V> createOutputTopic(
      String topic, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
    return new TestOutputTopic<>(driver, topic, keyDeserializer, valueDeserializer);
  }

  /**
   * Advances the wall clock and runs the wall-clock punctuators that are due, each once.
   *
   * @throws IllegalArgumentException if {@code advance} is negative
   */
  public void advanceWallClockTime(Duration advance) {
    driver.advanceWallClockTime(advance.toMillis());
  }

  /** Every topic the topology has written to, internal and changelog topics included. */
  public Set<String> producedTopicNames() {
    return driver.producedTopicNames();
  }

  /** A store by name (global stores included), or {@code null} if there is none. */
  public StateStore getStateStore(String name) {
    return driver.stateStore(name);
  }

  /**
   * A key-value store, or {@code null} if there is none of that name. A timestamped store (what
   * the DSL materializes) comes back as a facade of plain values: reads drop the timestamps and
   * writes store the value with timestamp {@code -1}; use {@link #getTimestampedKeyValueStore} to
   * see or set timestamps.
   *
   * @throws IllegalArgumentException if the store is not a key-value store
   */
  public <K, V> KeyValueStore<K, V> getKeyValueStore(String name) {
    StateStore store = driver.stateStore(name);
    if (store instanceof TimestampedKeyValueStore<?, ?> timestamped) {
      return new TimestampStrippingKeyValueStore<>(typed(name, timestamped,
          TimestampedKeyValueStore.class));
    }
    return typed(name, store, KeyValueStore.class);
  }

  /** A timestamped key-value store, or {@code null} (see {@link #getKeyValueStore}). */
  public <K, V> TimestampedKeyValueStore<K, V> getTimestampedKeyValueStore(String name) {
    return typed(name, driver.stateStore(name), TimestampedKeyValueStore.class);
  }

  /**
   * A window store, or {@code null}. A timestamped window store (what a DSL windowed aggregation
   * materializes) comes back as a facade of plain values, as in {@link #getKeyValueStore}.
   *
   * @throws IllegalArgumentException if the store is not a window store
   */
  public <K, V> WindowStore<K, V> getWindowStore(String name) {
    StateStore store = driver.stateStore(name);
    if (store instanceof TimestampedWindowStore<?, ?> timestamped) {
      return new TimestampStrippingWindowStore<>(typed(name, timestamped,
          TimestampedWindowStore.class));
    }
    return typed(name, store, WindowStore.class);
  }

  /** A timestamped window store, or {@code null} (see {@link #getWindowStore}). */
  public <K, V> TimestampedWindowStore<K, V> getTimestampedWindowStore(String name) {
    return typed(name, driver.stateStore(name), TimestampedWindowStore.class);
  }

  /** A session store, or {@code null} (see {@link #getKeyValueStore}). */
  public <K, V> SessionStore<K, V> getSessionStore(String name) {
    return typed(name, driver.stateStore(name), SessionStore.class);
  }

  /**
   * Casts a store to the type the caller asked for. Store key and value types are erased at run
   * time; the caller's type arguments are its promise that they match the store's serdes.
   */
  @SuppressWarnings("unchecked") // see the method comment
  private static <T> T typed(String name, StateStore store, Class<?> type) {
    if (store == null) {
      return null;
    }
    if (!type.isInstance(store)) {
      throw new IllegalArgumentException("Store '" + name + "' is a "
          + store.getClass().getName() + ", not a " + type.getSimpleName()
          + "; use the getter for its type or getStateStore");
    }
    return (T) store;
  }

  /** Closes every task (flushing and checkpointing) and deletes the temporary state directory. */
  @Override
  public void close() {
    driver.close();
  }
}
