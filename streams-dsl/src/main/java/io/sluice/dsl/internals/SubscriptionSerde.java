package io.sluice.dsl.internals;

import io.sluice.serdes.internals.FormatChecks;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link Subscription}, used on the subscription registration topic and in the
 * subscription store's changelog.
 *
 * <p>Byte layout, version {@value #VERSION}:
 *
 * <pre>
 * [1 byte  version = 1]
 * [1 byte  instruction code, see SubscriptionInstruction]
 * [4 bytes primary partition, big-endian, -1 when unknown]
 * [1 byte  value-hash length: 0 (no left value) or 16]
 * [value-hash bytes]
 * [primary key bytes from the key serializer, to the end]
 * </pre>
 *
 * A {@code null} subscription serializes to {@code null} and back. Configuring or closing this
 * serde configures or closes the key serde.
 *
 * @param <K> the left (primary) key type
 */
final class SubscriptionSerde<K> extends Serdes.WrapperSerde<Subscription<K>> {
  /** The format version this release writes and reads. */
  static final byte VERSION = 1;

  private static final String FORMAT = "foreign-key subscription";
  private static final int FIXED_BYTES = 1 + 1 + 4 + 1;

  /**
   * @param primaryKeySerde the serde of the left table's keys
   * @throws NullPointerException if it is null
   */
  SubscriptionSerde(Serde<K> primaryKeySerde) {
    super(new Writer<>(Objects.requireNonNull(primaryKeySerde, "primaryKeySerde").serializer()),
        new Reader<>(primaryKeySerde.deserializer()));
  }

  private static final class Writer<K> implements Serializer<Subscription<K>> {
    private final Serializer<K> keys;

    Writer(Serializer<K> keys) {
      this.keys = keys;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
      keys.configure(configs, true);
    }

    @Override
    public byte[] serialize(String topic, Subscription<K> subscription) {
      if (subscription == null) {
        return null;
      }
      byte[] key = keys.serialize(topic, subscription.primaryKey());
      if (key == null) {
        throw new SerializationException("The primary-key serializer turned key "
            + subscription.primaryKey() + " into null; a foreign-key join needs keys that"
            + " serialize to bytes");
      }
      byte[] hash = subscription.valueHash();
      int hashLength = hash == null ? 0 : hash.length;
      ByteBuffer buffer = ByteBuffer.allocate(FIXED_BYTES + hashLength + key.length);
      buffer.put(VERSION).put(subscription.instruction().code())
          .putInt(subscription.primaryPartition()).put((byte) hashLength);
      if (hash != null) {
        buffer.put(hash);
      }
      return buffer.put(key).array();
    }

    @Override
    public void close() {
      keys.close();
    }
  }

  private static final class Reader<K> implements Deserializer<Subscription<K>> {
    private final Deserializer<K> keys;

    Reader(Deserializer<K> keys) {
      this.keys = keys;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
      keys.configure(configs, true);
    }

    @Override
    public Subscription<K> deserialize(String topic, byte[] data) {
      if (data == null) {
        return null;
      }
      FormatChecks.requireVersion(data, FORMAT, topic, VERSION);
      FormatChecks.requireLength(data, FIXED_BYTES, FORMAT, topic);
      ByteBuffer buffer = ByteBuffer.wrap(data, 1, data.length - 1);
      SubscriptionInstruction instruction = SubscriptionInstruction.ofCode(buffer.get(), topic);
      int partition = buffer.getInt();
      byte[] hash = FormatParts.hash(buffer, data, FORMAT, topic);
      byte[] keyBytes = new byte[buffer.remaining()];
      buffer.get(keyBytes);
      K key = keys.deserialize(topic, keyBytes);
      if (key == null) {
        throw new SerializationException("Cannot read " + FORMAT + FormatChecks.where(topic)
            + ": the primary-key deserializer returned null (payload "
            + FormatChecks.describe(data) + ")");
      }
      return new Subscription<>(hash, instruction, key, partition);
    }

    @Override
    public void close() {
      keys.close();
    }
  }
}
