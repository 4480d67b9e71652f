package io.sluice.dsl.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * The records of a left or outer stream-stream join that found no match yet, in a changelogged
 * byte key-value store shared by both sides, until their join window closes.
 *
 * <p>Store key: the record's timestamp (8 bytes, big-endian), its side (1 byte: 0 right, 1 left),
 * then the serialized join key; byte order thus sorts entries by time, right before left, then by
 * key. Store value: a version byte ({@value #VERSION}) followed by every unmatched value buffered
 * under that key, in arrival order, each as a 4-byte length and the serialized value. A match from
 * the other side deletes the whole entry.
 *
 * @param <K> join key type
 * @param <VThis> value type of the side using this view
 * @param <VOther> value type of the other side
 */
final class OuterJoinBuffer<K, VThis, VOther> {
  static final byte VERSION = 1;
  private static final int HEADER = Long.BYTES + 1;

  private final KeyValueStore<Bytes, byte[]> store;
  private final String topic;
  private final Serializer<K> keySerializer;
  private final Deserializer<K> keyDeserializer;
  private final Serializer<VThis> thisSerializer;
  private final Deserializer<VThis> thisDeserializer;
  private final Deserializer<VOther> otherDeserializer;
  private final boolean thisIsLeft;

  /**
   * @param store the shared byte store
   * @param keySerde the join key's serde
   * @param thisSerde this side's value serde
   * @param otherSerde the other side's value serde
   * @param thisIsLeft whether this view is the left side's
   */
  OuterJoinBuffer(KeyValueStore<Bytes, byte[]> store, Serde<K> keySerde, Serde<VThis> thisSerde,
      Serde<VOther> otherSerde, boolean thisIsLeft) {
    this.store = store;
    this.topic = store.name();
    this.keySerializer = keySerde.serializer();
    this.keyDeserializer = keySerde.deserializer();
    this.thisSerializer = thisSerde.serializer();
    this.thisDeserializer = thisSerde.deserializer();
    this.otherDeserializer = otherSerde.deserializer();
    this.thisIsLeft = thisIsLeft;
  }

  /** Appends an unmatched value of this side. */
  void add(K key, long timestamp, VThis value) {
    Bytes storeKey = storeKey(timestamp, thisIsLeft, key);
    byte[] serialized = thisSerializer.serialize(topic, value);
    byte[] old = store.get(storeKey);
    int oldLength = old == null ? 1 : old.length;
    ByteBuffer out = ByteBuffer.allocate(oldLength + Integer.BYTES + serialized.length);
    if (old == null) {
      out.put(VERSION);
    } else {
      out.put(old);
    }
    out.putInt(serialized.length).put(serialized);
    store.put(storeKey, out.array());
  }

  /** Deletes the other side's unmatched values for {@code key} at {@code timestamp}, if any. */
  void removeOther(K key, long timestamp) {
    Bytes storeKey = storeKey(timestamp, !thisIsLeft, key);
    if (store.get(storeKey) != null) {
      store.delete(storeKey);
    }
  }

  /** @return every buffered entry, oldest first (see the class comment for the order) */
  KeyValueIterator<Bytes, byte[]> all() {
    return store.all();
  }

  /** Deletes an entry returned by {@link #all()}. */
  void delete(Bytes storeKey) {
    store.delete(storeKey);
  }

  /** One decoded buffer entry: all values of one side for one key and timestamp. */
  record Entry<K, VThis, VOther>(long timestamp, boolean left, K key, List<VThis> thisValues,
      List<VOther> otherValues) {}

  /**
   * @param raw an entry from {@link #all()}
   * @return it decoded, with its values in {@code thisValues} if it is this side's, else in
   *     {@code otherValues}
   * @throws IllegalStateException on an unknown format version
   */
  Entry<K, VThis, VOther> decode(KeyValue<Bytes, byte[]> raw) {
    ByteBuffer keyBytes = ByteBuffer.wrap(raw.key().get());
    long timestamp = keyBytes.getLong();
    boolean left = keyBytes.get() == 1;
    byte[] serializedKey = new byte[keyBytes.remaining()];
    keyBytes.get(serializedKey);
    K key = keyDeserializer.deserialize(topic, serializedKey);
    ByteBuffer values = ByteBuffer.wrap(raw.value());
    byte version = values.get();
    if (version != VERSION) {
      throw new IllegalStateException("Outer-join buffer '" + topic + "' holds an entry of format"
          + " version " + version + "; this release reads version " + VERSION + " only. Reset"
          + " the application's state or run the release that wrote it");
    }
    List<VThis> thisValues = new ArrayList<>();
    List<VOther> otherValues = new ArrayList<>();
    boolean mine = left == thisIsLeft;
    while (values.hasRemaining()) {
      byte[] value = new byte[values.getInt()];
      values.get(value);
      if (mine) {
        thisValues.add(thisDeserializer.deserialize(topic, value));
      } else {
        otherValues.add(otherDeserializer.deserialize(topic, value));
      }
    }
    return new Entry<>(timestamp, left, key, thisValues, otherValues);
  }

  private Bytes storeKey(long timestamp, boolean left, K key) {
    byte[] serializedKey = keySerializer.serialize(topic, key);
    return Bytes.wrap(ByteBuffer.allocate(HEADER + serializedKey.length)
        .putLong(timestamp)
        .put((byte) (left ? 1 : 0))
        .put(serializedKey)
        .array());
  }
}
