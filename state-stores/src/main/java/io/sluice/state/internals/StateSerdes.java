package io.sluice.state.internals;

import io.sluice.state.StateStoreException;
import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * The serdes of one store, used by its metered layer to cross the boundary between objects and
 * bytes. Serializes against the store's changelog topic name, as the changelog records carry
 * exactly these bytes.
 */
final class StateSerdes<K, V> {

  private final String storeName;
  private final String topic;
  private final Serializer<K> keySerializer;
  private final Deserializer<K> keyDeserializer;
  private final Serializer<V> valueSerializer;
  private final Deserializer<V> valueDeserializer;

  StateSerdes(String storeName, String topic, Serde<K> keySerde, Serde<V> valueSerde) {
    this.storeName = storeName;
    this.topic = topic;
    this.keySerializer = keySerde.serializer();
    this.keyDeserializer = keySerde.deserializer();
    this.valueSerializer = valueSerde.serializer();
    this.valueDeserializer = valueSerde.deserializer();
  }

  /**
   * {@code given}, or else the context's {@code default.key.serde}.
   *
   * @throws StateStoreException naming the store if neither exists
   */
  static <T> Serde<T> keySerdeOrDefault(
      Serde<T> given, InternalStoreContext context, String storeName) {
    return given != null
        ? given
        : StateSerdes.<T>fallback(context.defaultKeySerde(), storeName, "key");
  }

  /**
   * {@code given}, or else the context's {@code default.value.serde}.
   *
   * @throws StateStoreException naming the store if neither exists
   */
  static <T> Serde<T> valueSerdeOrDefault(
      Serde<T> given, InternalStoreContext context, String storeName) {
    return given != null
        ? given
        : StateSerdes.<T>fallback(context.defaultValueSerde(), storeName, "value");
  }

  private static <T> Serde<T> fallback(Serde<?> fallback, String storeName, String what) {
    if (fallback == null) {
      throw new StateStoreException(
          "store "
              + storeName
              + " has no "
              + what
              + " serde and default."
              + what
              + ".serde is not set; pass a "
              + what
              + " serde to the store builder or set default."
              + what
              + ".serde");
    }
    // The configured default serde is, by contract, the serde of every store without its own.
    @SuppressWarnings("unchecked")
    Serde<T> typed = (Serde<T>) fallback;
    return typed;
  }

  /** The serialized key, never {@code null}. */
  Bytes rawKey(K key) {
    Objects.requireNonNull(key, "key");
    byte[] bytes = keySerializer.serialize(topic, key);
    if (bytes == null) {
      throw new StateStoreException(
          "the key serializer of store "
              + storeName
              + " returned null for key "
              + key
              + "; store keys must serialize to bytes");
    }
    return Bytes.wrap(bytes);
  }

  /** The serialized key, or {@code null} for a {@code null} (unbounded) range bound. */
  Bytes rawBound(K bound) {
    return bound == null ? null : rawKey(bound);
  }

  /** Serializes {@code prefix} with {@code serializer} against this store's topic. */
  <P> Bytes rawPrefix(P prefix, Serializer<P> serializer) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(serializer, "prefixKeySerializer");
    byte[] bytes = serializer.serialize(topic, prefix);
    return Bytes.wrap(bytes == null ? new byte[0] : bytes);
  }

  /** The key read from bytes. */
  K key(Bytes raw) {
    return keyDeserializer.deserialize(topic, raw.get());
  }

  /** The serialized value, or {@code null} for {@code null}. */
  byte[] rawValue(V value) {
    return value == null ? null : valueSerializer.serialize(topic, value);
  }

  /** The value read from bytes, or {@code null} for {@code null}. */
  V value(byte[] raw) {
    return raw == null ? null : valueDeserializer.deserialize(topic, raw);
  }
}
