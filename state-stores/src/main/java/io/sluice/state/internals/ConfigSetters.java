package io.sluice.state.internals;

import io.sluice.state.RocksDBConfigSetter;
import io.sluice.state.StateStoreException;
import java.util.Map;

/** Instantiates the {@link RocksDBConfigSetter} named in the configuration. */
final class ConfigSetters {

  private ConfigSetters() {}

  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : ConfigSetters.class.getClassLoader();
  }

  /**
   * A new instance of the configured setter, or {@code null} if none is configured.
   *
   * @throws StateStoreException naming the setting and the store if the class cannot be loaded, is
   *     not a {@link RocksDBConfigSetter}, or has no public no-argument constructor
   */
  static RocksDBConfigSetter create(Map<String, Object> configs, String storeName) {
    Object value = configs == null ? null : configs.get(RocksDBConfigSetter.CONFIG);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      Class<?> type =
          value instanceof Class<?> c ? c : Class.forName(value.toString().trim(), true, loader());
      if (!RocksDBConfigSetter.class.isAssignableFrom(type)) {
        throw new StateStoreException(
            "store "
                + storeName
                + ": "
                + RocksDBConfigSetter.CONFIG
                + " names "
                + type.getName()
                + ", which does not implement "
                + RocksDBConfigSetter.class.getName());
      }
      return type.asSubclass(RocksDBConfigSetter.class).getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new StateStoreException(
          "store "
              + storeName
              + ": cannot instantiate "
              + RocksDBConfigSetter.CONFIG
              + "='"
              + value
              + "'; give a class on the classpath with a public no-argument constructor",
          e);
    }
  }
}
