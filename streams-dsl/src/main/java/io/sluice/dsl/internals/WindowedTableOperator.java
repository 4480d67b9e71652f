package io.sluice.dsl.internals;

import io.sluice.processor.ProcessorContext;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.Windowed;
import io.sluice.state.SessionStore;
import io.sluice.state.TimestampedWindowStore;

/**
 * The table side of a windowed aggregation: its rows are always in the aggregation's window or
 * session store, old values are available on request, and downstream operators read a
 * {@code Windowed} key's row from that store.
 *
 * @param <K> the plain key type
 * @param <VA> the aggregate type
 */
final class WindowedTableOperator<K, VA> implements TableOperator<Windowed<K>, VA> {
  private final String storeName;
  private final boolean session;
  private final SendsOldValues supplier;

  /**
   * @param storeName the aggregation's store
   * @param session whether it is a session store (else a timestamped window store)
   * @param supplier the aggregation's processor supplier(s)
   */
  WindowedTableOperator(String storeName, boolean session, SendsOldValues supplier) {
    this.storeName = storeName;
    this.session = session;
    this.supplier = supplier;
  }

  @Override
  public KTableValueGetterSupplier<Windowed<K>, VA> view() {
    return new KTableValueGetterSupplier<>() {
      @Override
      public KTableValueGetter<Windowed<K>, VA> get() {
        return session ? new SessionGetter() : new WindowGetter();
      }

      @Override
      public String[] storeNames() {
        return new String[] {storeName};
      }
    };
  }

  @Override
  public boolean enableSendingOldValues(boolean forceMaterialization) {
    supplier.enableSendingOldValues();
    return true;
  }

  @Override
  public boolean materialized() {
    return true;
  }

  private final class WindowGetter implements KTableValueGetter<Windowed<K>, VA> {
    private TimestampedWindowStore<K, VA> store;

    @Override
    public void init(ProcessorContext<?, ?> context) {
      store = context.getStateStore(storeName);
    }

    @Override
    public ValueAndTimestamp<VA> get(Windowed<K> key) {
      return store.fetch(key.key(), key.window().startMs());
    }
  }

  private final class SessionGetter implements KTableValueGetter<Windowed<K>, VA> {
    private SessionStore<K, VA> store;

    @Override
    public void init(ProcessorContext<?, ?> context) {
      store = context.getStateStore(storeName);
    }

    @Override
    public ValueAndTimestamp<VA> get(Windowed<K> key) {
      VA value = store.fetchSession(key.key(), key.window().startMs(), key.window().endMs());
      return ValueAndTimestamp.make(value, key.window().endMs());
    }
  }
}
