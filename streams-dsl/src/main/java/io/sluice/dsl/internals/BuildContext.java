package io.sluice.dsl.internals;

import io.sluice.processor.TopologyException;
import io.sluice.runtime.StreamsConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The application settings a topology is built with ({@code StreamsBuilder.build(Properties)}):
 * what graph nodes decide only when they are written, such as the store type of DSL stores
 * ({@value StreamsConfig#DEFAULT_DSL_STORE}). A topology built without settings uses the defaults.
 */
public final class BuildContext {
  private final Map<String, Object> configs;
  private final boolean inMemoryStores;

  private BuildContext(Map<String, Object> configs) {
    this.configs = Map.copyOf(configs);
    Object store = configs.getOrDefault(StreamsConfig.DEFAULT_DSL_STORE, StreamsConfig.ROCKS_DB);
    String type = String.valueOf(store).trim();
    if (!type.equals(StreamsConfig.ROCKS_DB) && !type.equals(StreamsConfig.IN_MEMORY)) {
      throw new TopologyException("Invalid value '" + store + "' for "
          + StreamsConfig.DEFAULT_DSL_STORE + "; use " + StreamsConfig.ROCKS_DB + " or "
          + StreamsConfig.IN_MEMORY);
    }
    this.inMemoryStores = type.equals(StreamsConfig.IN_MEMORY);
  }

  /** @return the context of a topology built without settings: RocksDB stores */
  public static BuildContext defaults() {
    return new BuildContext(Map.of());
  }

  /**
   * @param configs the application's settings (keys as strings); entries with null keys or values
   *     are ignored
   * @return the context
   * @throws TopologyException if {@value StreamsConfig#DEFAULT_DSL_STORE} has an invalid value
   */
  public static BuildContext of(Map<?, ?> configs) {
    Objects.requireNonNull(configs, "configs");
    Map<String, Object> copy = new HashMap<>();
    configs.forEach((key, value) -> {
      if (key != null && value != null) {
        copy.put(key.toString(), value);
      }
    });
    return new BuildContext(copy);
  }

  /**
   * @return whether DSL stores may cache: {@code false} when the topology is built with
   *     {@value StreamsConfig#STATESTORE_CACHE_MAX_BYTES} set to 0
   * @throws TopologyException if that setting is not a number
   */
  public boolean cachingPossible() {
    Object bytes = configs.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES);
    if (bytes == null) {
      return true;
    }
    try {
      return Long.parseLong(bytes.toString().trim()) != 0L;
    } catch (NumberFormatException e) {
      throw new TopologyException("Invalid value '" + bytes + "' for "
          + StreamsConfig.STATESTORE_CACHE_MAX_BYTES + "; use a number of bytes, 0 or more");
    }
  }

  /** @return whether DSL stores without an explicit type or supplier are in-memory ones */
  public boolean inMemoryStores() {
    return inMemoryStores;
  }

  /**
   * @param name a setting's name
   * @return the setting's value, or {@code null} if it was not given
   */
  public Object config(String name) {
    return configs.get(name);
  }
}
