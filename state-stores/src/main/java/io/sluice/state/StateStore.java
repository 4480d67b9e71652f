package io.sluice.state;

/**
 * A named piece of local state owned by one task. Stores are built by a {@link StoreBuilder},
 * initialised by the task that owns them, flushed on commit and closed with the task.
 *
 * <p>A store is used by one stream thread at a time; read-only views used by interactive queries
 * from other threads are safe where the store type says so.
 */
public interface StateStore {

  /** The store name, unique within a topology; also names its changelog topic. */
  String name();

  /**
   * Opens the store and registers it with its task through {@link
   * StateStoreContext#register(StateStore, StateRestoreCallback)}.
   *
   * @param context the owning task's view for stores
   * @param root the outermost layer of this store, which is what must be registered
   * @throws io.sluice.state.StateStoreException if the store cannot be opened
   */
  void init(StateStoreContext context, StateStore root);

  /**
   * Makes buffered writes durable in the local store (caches forward, files sync). The engine
   * calls it before it writes a checkpoint, which is rarer than a commit.
   */
  void flush();

  /**
   * Forwards and writes down what a record cache in front of this store holds (and applies due
   * time-to-live expiries), without making the store below durable: the engine calls it on every
   * commit, which must send every pending update but need not sync files. A store without such a
   * cache has nothing to do.
   */
  default void flushCache() {}

  /** Releases the store's resources; closing twice is a no-op. */
  void close();

  /** Whether the store keeps its data on disk and can therefore use a checkpoint. */
  boolean persistent();

  /** Whether {@link #init} succeeded and {@link #close} has not been called. */
  boolean isOpen();
}
