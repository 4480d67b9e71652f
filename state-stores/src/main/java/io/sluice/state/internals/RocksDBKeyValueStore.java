package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.StateStoreException;
import java.io.File;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Key-value byte store on one RocksDB instance in {@code <task state dir>/rocksdb/<store name>},
 * interchangeable with the in-memory key-value store: same unsigned key order, same range, prefix
 * and {@code null}-value semantics. Iterators read a consistent snapshot taken when they open.
 * {@code approximateNumEntries} is RocksDB's estimate and may be off after deletes.
 */
final class RocksDBKeyValueStore implements KeyValueStore<Bytes, byte[]> {

  /** The directory under a task's state directory holding every RocksDB store. */
  static final String ROCKSDB_DIR = "rocksdb";

  private final String name;
  private final OpenIterators iterators;
  private volatile RocksDBDatabase db;

  RocksDBKeyValueStore(String name) {
    this.name = Objects.requireNonNull(name, "name");
    this.iterators = new OpenIterators(name);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    if (db != null) {
      throw new StateStoreException(
          "store " + name + " is already open; init may be called once until the store closes");
    }
    db = open(context, name);
    context.register(root, this::restoreBatch);
  }

  /** Opens the store's instance under the context's state directory. */
  static RocksDBDatabase open(StateStoreContext context, String name) {
    File dir = new File(new File(context.stateDir(), ROCKSDB_DIR), name);
    Map<String, Object> configs = context.appConfigs();
    return RocksDBDatabase.open(name, name, dir, configs);
  }

  /** The open instance (tests check its memory wiring). */
  RocksDBDatabase database() {
    return requireOpen();
  }

  void restoreBatch(Collection<ConsumerRecord<byte[], byte[]>> records) {
    RocksDBDatabase open = requireOpen();
    try (WriteBatch batch = new WriteBatch()) {
      for (ConsumerRecord<byte[], byte[]> record : records) {
        add(batch, record.key(), record.value());
      }
      open.write(batch, "restore");
    } catch (RocksDBException e) {
      throw open.failure("restore", e);
    }
  }

  private static void add(WriteBatch batch, byte[] key, byte[] value) throws RocksDBException {
    if (value == null) {
      batch.delete(key);
    } else {
      batch.put(key, value);
    }
  }

  @Override
  public byte[] get(Bytes key) {
    Objects.requireNonNull(key, "key");
    return requireOpen().get(key.get());
  }

  @Override
  public void put(Bytes key, byte[] value) {
    Objects.requireNonNull(key, "key");
    requireOpen().put(key.get(), value);
  }

  @Override
  public byte[] putIfAbsent(Bytes key, byte[] value) {
    Objects.requireNonNull(key, "key");
    RocksDBDatabase open = requireOpen();
    byte[] existing = open.get(key.get());
    if (existing == null) {
      open.put(key.get(), value);
    }
    return existing;
  }

  @Override
  public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
    RocksDBDatabase open = requireOpen();
    try (WriteBatch batch = new WriteBatch()) {
      for (KeyValue<Bytes, byte[]> entry : entries) {
        add(batch, Objects.requireNonNull(entry.key(), "key").get(), entry.value());
      }
      open.write(batch, "putAll");
    } catch (RocksDBException e) {
      throw open.failure("putAll", e);
    }
  }

  @Override
  public byte[] delete(Bytes key) {
    Objects.requireNonNull(key, "key");
    RocksDBDatabase open = requireOpen();
    byte[] old = open.get(key.get());
    if (old != null) {
      open.put(key.get(), null);
    }
    return old;
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
    return rangeOf(from, to, true);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
    return rangeOf(from, to, false);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> all() {
    return rangeOf(null, null, true);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> reverseAll() {
    return rangeOf(null, null, false);
  }

  @Override
  public <P> KeyValueIterator<Bytes, byte[]> prefixScan(
      P prefix, Serializer<P> prefixKeySerializer) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(prefixKeySerializer, "prefixKeySerializer");
    RocksDBDatabase open = requireOpen();
    byte[] lower = prefixKeySerializer.serialize(null, prefix);
    Bytes upper = KeyRanges.successor(lower);
    return new RocksDBRangeIterator(
        name, open, iterators, true, lower, upper == null ? null : upper.get(), false);
  }

  private KeyValueIterator<Bytes, byte[]> rangeOf(Bytes from, Bytes to, boolean forward) {
    RocksDBDatabase open = requireOpen();
    if (!KeyRanges.valid(name, from, to)) {
      return new StoreIterator<>(name, this::isOpen, Collections.emptyIterator());
    }
    return new RocksDBRangeIterator(
        name,
        open,
        iterators,
        forward,
        from == null ? null : from.get(),
        to == null ? null : to.get(),
        true);
  }

  @Override
  public long approximateNumEntries() {
    return requireOpen().estimateNumKeys();
  }

  @Override
  public void flush() {
    requireOpen().flush();
  }

  @Override
  public void close() {
    RocksDBDatabase open = db;
    if (open != null) {
      db = null;
      open.close(iterators::closeAll);
    }
  }

  @Override
  public boolean persistent() {
    return true;
  }

  @Override
  public boolean isOpen() {
    return db != null;
  }

  private RocksDBDatabase requireOpen() {
    RocksDBDatabase open = db;
    if (open == null) {
      throw new StateStoreException(
          "store " + name + " is not open (closed, or not initialised yet); it cannot be used");
    }
    return open;
  }

  @Override
  public String toString() {
    return "RocksDBKeyValueStore[" + name + "]";
  }
}
