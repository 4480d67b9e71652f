package io.sluice.state.internals;

import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;

/**
 * Base of the store layers: a layer wraps the next one inward and passes the lifecycle calls
 * through to it, so the byte store at the core opens, registers and closes.
 */
abstract class WrappedStateStore<S extends StateStore> implements StateStore {

  private final S wrapped;

  WrappedStateStore(S wrapped) {
    this.wrapped = java.util.Objects.requireNonNull(wrapped, "wrapped");
  }

  /** The next layer inward. */
  final S wrapped() {
    return wrapped;
  }

  @Override
  public String name() {
    return wrapped.name();
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    wrapped.init(context, root);
  }

  @Override
  public void flush() {
    wrapped.flush();
  }

  @Override
  public void flushCache() {
    wrapped.flushCache();
  }

  @Override
  public void close() {
    wrapped.close();
  }

  @Override
  public boolean persistent() {
    return wrapped.persistent();
  }

  @Override
  public boolean isOpen() {
    return wrapped.isOpen();
  }
}
