package io.sluice.state.internals;

import io.sluice.state.KeyValue;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.StateStoreException;
import io.sluice.state.WindowStoreIterator;
import java.util.Collection;
import java.util.Iterator;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The lifecycle shared by the in-memory byte stores: open once, register the root layer with a
 * restore callback that writes changelog records straight into this store, and refuse operations
 * once closed. Closing drops the data (the changelog holds it) and closes, with a warning naming
 * the store, every iterator the store handed out that is still open.
 */
abstract class InMemoryByteStore implements StateStore {

  private final String name;
  private final OpenIterators iterators;
  private volatile boolean open;

  InMemoryByteStore(String name) {
    this.name = name;
    this.iterators = new OpenIterators(name);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void init(StateStoreContext context, StateStore root) {
    if (open) {
      throw new StateStoreException(
          "store " + name + " is already open; init may be called once until the store closes");
    }
    onInit(context);
    open = true;
    context.register(root, this::restoreBatch);
  }

  /** Prepares store-specific resources (sensors) before the store opens. */
  void onInit(StateStoreContext context) {}

  /** Applies changelog records, bypassing every layer above. */
  abstract void restoreBatch(Collection<ConsumerRecord<byte[], byte[]>> records);

  /** Drops the data and store-specific resources. */
  abstract void onClose();

  @Override
  public final void flush() {
    // Nothing is buffered: every write is already in the maps.
  }

  @Override
  public final void close() {
    if (open) {
      open = false;
      iterators.closeAll();
      onClose();
    }
  }

  @Override
  public final boolean persistent() {
    return false;
  }

  @Override
  public final boolean isOpen() {
    return open;
  }

  /**
   * @throws StateStoreException naming the store if it is not open
   */
  final void requireOpen() {
    if (!open) {
      throw new StateStoreException(
          "store " + name + " is not open (closed, or not initialised yet); it cannot be used");
    }
  }

  /**
   * Wraps {@code source} in an iterator that fails once this store closes, and that this store
   * tracks until it is closed.
   */
  final <K, V> StoreIterator<K, V> iterator(Iterator<KeyValue<K, V>> source) {
    return new TrackedIterator<>(name, this::isOpen, iterators, source);
  }

  /** Like {@link #iterator}, over window starts. */
  final <V> WindowStoreIterator<V> windowIterator(Iterator<KeyValue<Long, V>> source) {
    return new TrackedWindowIterator<>(name, this::isOpen, iterators, source);
  }

  /** How many iterators of this store are open (handed out and not closed). */
  final int openIterators() {
    return iterators.size();
  }
}
