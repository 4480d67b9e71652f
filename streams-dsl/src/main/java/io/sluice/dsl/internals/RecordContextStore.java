package io.sluice.dsl.internals;

import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.StateStoreException;
import io.sluice.state.internals.InternalStoreContext;
import io.sluice.state.internals.ProcessorRecordContext;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The outermost layer of a windowed aggregation's store: keeps the store context it was
 * initialised with, so that forwarding a flushed cache entry can give it the headers of the write
 * that made it ({@link #currentHeaders()}), which the processor API's context does not expose.
 * Subclasses delegate the store's operations.
 *
 * @param <S> the wrapped store type
 */
abstract class RecordContextStore<S extends StateStore> implements StateStore {
  private final S inner;
  private InternalStoreContext context;

  RecordContextStore(S inner) {
    this.inner = inner;
  }

  /** @return the wrapped store */
  final S inner() {
    return inner;
  }

  /**
   * @return the headers of the record context the store sees now: while a flush listener runs,
   *     those of the write being flushed; empty headers if there is none
   */
  final Headers currentHeaders() {
    ProcessorRecordContext recordContext = context == null ? null : context.recordContext();
    return recordContext == null || recordContext.headers() == null
        ? new RecordHeaders()
        : recordContext.headers();
  }

  @Override
  public final String name() {
    return inner.name();
  }

  @Override
  public final void init(StateStoreContext storeContext, StateStore root) {
    if (!(storeContext instanceof InternalStoreContext internal)) {
      throw new StateStoreException("Store '" + name() + "' needs the engine's store context,"
          + " but was initialised with " + storeContext.getClass().getName()
          + "; initialise it through a Sluice task or test driver");
    }
    this.context = internal;
    inner.init(storeContext, root);
  }

  @Override
  public final void flush() {
    inner.flush();
  }

  @Override
  public final void flushCache() {
    inner.flushCache();
  }

  @Override
  public final void close() {
    inner.close();
  }

  @Override
  public final boolean persistent() {
    return inner.persistent();
  }

  @Override
  public final boolean isOpen() {
    return inner.isOpen();
  }
}
