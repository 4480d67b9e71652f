package io.sluice.state.internals;

import io.sluice.serdes.Windowed;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.WindowStore;
import io.sluice.state.WindowStoreIterator;
import org.apache.kafka.common.utils.Bytes;

/**
 * Sends every write of a window byte store to its changelog under the {@link WindowKeySchema} key,
 * stamped with the current record's timestamp. When duplicates are retained each put is logged
 * under its own sequence number — the one the byte store gave it if the store is a {@link
 * SequencedWindowStore}, else the next number of this layer — and a {@code null} value (which the
 * store ignores) is not logged.
 */
final class ChangeLoggingWindowBytesStore extends WrappedStateStore<WindowStore<Bytes, byte[]>>
    implements WindowStore<Bytes, byte[]> {

  private final boolean retainDuplicates;
  private InternalStoreContext context;
  private int seqnum;

  ChangeLoggingWindowBytesStore(WindowStore<Bytes, byte[]> inner, boolean retainDuplicates) {
    super(inner);
    this.retainDuplicates = retainDuplicates;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    this.context = StoreContexts.internal(context, name());
    super.init(context, root);
  }

  @Override
  public void put(Bytes key, byte[] value, long windowStartMs) {
    wrapped().put(key, value, windowStartMs);
    if (retainDuplicates && value == null) {
      return;
    }
    int seq = retainDuplicates ? nextSequence() : 0;
    context.logChange(
        name(),
        WindowKeySchema.toStoreKey(key, windowStartMs, seq),
        value,
        StoreContexts.changeTimestamp(context));
  }

  private int nextSequence() {
    if (wrapped() instanceof SequencedWindowStore sequenced) {
      return sequenced.lastPutSequence();
    }
    seqnum = SequencedWindowStore.next(seqnum);
    return seqnum;
  }

  @Override
  public byte[] fetch(Bytes key, long windowStartMs) {
    return wrapped().fetch(key, windowStartMs);
  }

  @Override
  public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFromMs, long timeToMs) {
    return wrapped().fetch(key, timeFromMs, timeToMs);
  }

  @Override
  public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFromMs, long timeToMs) {
    return wrapped().backwardFetch(key, timeFromMs, timeToMs);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(
      Bytes keyFrom, Bytes keyTo, long timeFromMs, long timeToMs) {
    return wrapped().fetch(keyFrom, keyTo, timeFromMs, timeToMs);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(
      Bytes keyFrom, Bytes keyTo, long timeFromMs, long timeToMs) {
    return wrapped().backwardFetch(keyFrom, keyTo, timeFromMs, timeToMs);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFromMs, long timeToMs) {
    return wrapped().fetchAll(timeFromMs, timeToMs);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(
      long timeFromMs, long timeToMs) {
    return wrapped().backwardFetchAll(timeFromMs, timeToMs);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
    return wrapped().all();
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
    return wrapped().backwardAll();
  }
}
