package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * Sends every write of a key-value byte store to its changelog, stamped with the current record's
 * timestamp. A delete is logged as a tombstone; a {@code putIfAbsent} that changes nothing is not
 * logged.
 */
final class ChangeLoggingKeyValueBytesStore extends WrappedStateStore<KeyValueStore<Bytes, byte[]>>
    implements KeyValueStore<Bytes, byte[]> {

  private InternalStoreContext context;

  ChangeLoggingKeyValueBytesStore(KeyValueStore<Bytes, byte[]> inner) {
    super(inner);
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    this.context = StoreContexts.internal(context, name());
    super.init(context, root);
  }

  private void log(Bytes key, byte[] value) {
    context.logChange(name(), key, value, StoreContexts.changeTimestamp(context));
  }

  @Override
  public void put(Bytes key, byte[] value) {
    wrapped().put(key, value);
    log(key, value);
  }

  @Override
  public byte[] putIfAbsent(Bytes key, byte[] value) {
    byte[] existing = wrapped().putIfAbsent(key, value);
    if (existing == null && value != null) {
      log(key, value);
    }
    return existing;
  }

  @Override
  public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
    wrapped().putAll(entries);
    for (KeyValue<Bytes, byte[]> entry : entries) {
      log(entry.key(), entry.value());
    }
  }

  @Override
  public byte[] delete(Bytes key) {
    byte[] old = wrapped().delete(key);
    log(key, null);
    return old;
  }

  @Override
  public byte[] get(Bytes key) {
    return wrapped().get(key);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
    return wrapped().range(from, to);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
    return wrapped().reverseRange(from, to);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> all() {
    return wrapped().all();
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> reverseAll() {
    return wrapped().reverseAll();
  }

  @Override
  public <P> KeyValueIterator<Bytes, byte[]> prefixScan(
      P prefix, Serializer<P> prefixKeySerializer) {
    return wrapped().prefixScan(prefix, prefixKeySerializer);
  }

  @Override
  public long approximateNumEntries() {
    return wrapped().approximateNumEntries();
  }
}
