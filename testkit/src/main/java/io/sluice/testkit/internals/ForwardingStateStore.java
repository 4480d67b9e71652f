package io.sluice.testkit.internals;

import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;

/** A store facade's lifecycle: every call goes to the store it stands for. */
interface ForwardingStateStore extends StateStore {
  /** The store this facade stands for. */
  StateStore target();

  @Override
  default String name() {
    return target().name();
  }

  @Override
  default void init(StateStoreContext context, StateStore root) {
    target().init(context, root);
  }

  @Override
  default void flush() {
    target().flush();
  }

  @Override
  default void flushCache() {
    target().flushCache();
  }

  @Override
  default void close() {
    target().close();
  }

  @Override
  default boolean persistent() {
    return target().persistent();
  }

  @Override
  default boolean isOpen() {
    return target().isOpen();
  }
}
