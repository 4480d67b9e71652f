package io.sluice.dsl.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.internals.Change;

/**
 * A table operator that turns each row's value into another one, key and timestamp unchanged
 * ({@code filter}, {@code mapValues}): a delete stays a delete, and {@link #transform} never
 * sees {@code null}. It forwards the new (and, when asked, old) value; materialized, it keeps its
 * result in its own store, reads old values from there and forwards through the cache. Without
 * a store, its view transforms the parent's rows on read.
 *
 * @param <K> key type
 * @param <V> the parent's value type
 * @param <VR> result value type
 */
abstract class KTableRowTransform<K, V, VR>
    implements ProcessorSupplier<K, Change<V>, K, Change<VR>>, TableOperator<K, VR> {
  private final TableOperator<K, V> parent;
  private final String storeName;
  private boolean sendOldValues;

  /**
   * @param storeName the result's store, or {@code null} if not materialized
   */
  KTableRowTransform(TableOperator<K, V> parent, String storeName) {
    this.parent = parent;
    this.storeName = storeName;
  }

  /** @return the row's new value, or {@code null} for none; {@code value} is never null */
  abstract VR transform(K key, V value);

  /** @return whether an update with neither an old nor a new value is dropped */
  abstract boolean dropsEmptyUpdates();

  /** Turns old values on from the start (for an operator that gets them free). */
  final void sendOldValues(boolean send) {
    sendOldValues = send;
  }

  private VR transformed(K key, V value) {
    return value == null ? null : transform(key, value);
  }

  @Override
  public final boolean materialized() {
    return storeName != null;
  }

  @Override
  public final KTableValueGetterSupplier<K, VR> view() {
    if (storeName != null) {
      return new StoreValueGetterSupplier<>(storeName);
    }
    KTableValueGetterSupplier<K, V> parentView = parent.view();
    return new KTableValueGetterSupplier<>() {
      @Override
      public KTableValueGetter<K, VR> get() {
        KTableValueGetter<K, V> parentGetter = parentView.get();
        return new KTableValueGetter<>() {
          @Override
          public void init(ProcessorContext<?, ?> context) {
            parentGetter.init(context);
          }

          @Override
          public ValueAndTimestamp<VR> get(K key) {
            ValueAndTimestamp<V> row = parentGetter.get(key);
            return row == null ? null
                : ValueAndTimestamp.make(transformed(key, row.value()), row.timestamp());
          }

          @Override
          public void close() {
            parentGetter.close();
          }
        };
      }

      @Override
      public String[] storeNames() {
        return parentView.storeNames();
      }
    };
  }

  @Override
  public final boolean enableSendingOldValues(boolean forceMaterialization) {
    if (storeName != null) {
      sendOldValues = true;
      return true;
    }
    if (parent.enableSendingOldValues(forceMaterialization)) {
      sendOldValues = true;
    }
    return sendOldValues;
  }

  @Override
  public final Processor<K, Change<V>, K, Change<VR>> get() {
    return new Processor<>() {
      private ProcessorContext<K, Change<VR>> context;
      private TableStore<K, VR> store;
      private TableForwarder<K, VR> forwarder;

      @Override
      public void init(ProcessorContext<K, Change<VR>> context) {
        this.context = context;
        if (storeName != null) {
          store = context.getStateStore(storeName);
          forwarder = new TableForwarder<>(store, context, sendOldValues);
        }
      }

      @Override
      public void process(Record<K, Change<V>> record) {
        K key = record.key();
        VR newValue = transformed(key, record.value().newValue());
        VR oldValue = null;
        if (sendOldValues) {
          oldValue = store != null
              ? ValueAndTimestamp.getValueOrNull(store.get(key))
              : transformed(key, record.value().oldValue());
          if (oldValue == null && newValue == null && dropsEmptyUpdates()) {
            return;
          }
        }
        Record<K, Change<VR>> update = record.withValue(new Change<>(oldValue, newValue));
        if (store == null) {
          context.forward(update);
          return;
        }
        store.put(key, ValueAndTimestamp.make(newValue, record.timestamp()));
        forwarder.maybeForward(update);
      }
    };
  }
}
