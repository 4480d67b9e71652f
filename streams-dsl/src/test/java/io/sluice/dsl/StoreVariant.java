package io.sluice.dsl;

import io.sluice.runtime.StreamsConfig;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One cell of the matrix every stateful DSL test runs in: {@code default.dsl.store} (RocksDB or
 * in-memory) times caching (a 10 MiB record cache, or none).
 *
 * @param inMemory whether DSL stores are in-memory
 * @param caching whether the record cache has room
 */
record StoreVariant(boolean inMemory, boolean caching) {
  /** @return the four cells */
  static Stream<StoreVariant> all() {
    return Stream.of(new StoreVariant(false, false), new StoreVariant(false, true),
        new StoreVariant(true, false), new StoreVariant(true, true));
  }

  /** @return settings for the builder and the driver, with String default serdes */
  Properties props() {
    Properties props = new Properties();
    props.put(StreamsConfig.DEFAULT_KEY_SERDE, Serdes.StringSerde.class);
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE, Serdes.StringSerde.class);
    props.put(StreamsConfig.DEFAULT_DSL_STORE,
        inMemory ? StreamsConfig.IN_MEMORY : StreamsConfig.ROCKS_DB);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES, caching ? 10L * 1024 * 1024 : 0L);
    return props;
  }

  @Override
  public String toString() {
    return (inMemory ? "in_memory" : "rocksDB") + (caching ? "+cache" : "");
  }
}
