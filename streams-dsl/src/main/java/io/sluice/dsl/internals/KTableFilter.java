package io.sluice.dsl.internals;

import io.sluice.dsl.Predicate;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.internals.Change;

/**
 * {@code KTable.filter} / {@code filterNot}: a rejected (or deleted) row becomes a delete. With
 * old values on, an update whose old and new rows are both rejected is not forwarded at all.
 * Materialized, it keeps its result in its own store and reads old values from there.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class KTableFilter<K, V>
    implements ProcessorSupplier<K, Change<V>, K, Change<V>>, TableOperator<K, V> {
  private final TableOperator<K, V> parent;
  private final Predicate<? super K, ? super V> predicate;
  private final boolean negate;
  private final String storeName;
  private boolean sendOldValues;

  /**
   * @param storeName the result's store, or {@code null} if not materialized
   */
  KTableFilter(TableOperator<K, V> parent, Predicate<? super K, ? super V> predicate,
      boolean negate, String storeName) {
    this.parent = parent;
    this.predicate = predicate;
    this.negate = negate;
    this.storeName = storeName;
    // A materialized parent can send old values for free; with them, an update whose old and new
    // rows are both rejected is dropped here instead of becoming a spurious tombstone downstream
    // (Kafka Streams does the same).
    this.sendOldValues = parent.enableSendingOldValues(false);
  }

  private V filtered(K key, V value) {
    return value != null && predicate.test(key, value) != negate ? value : null;
  }

  @Override
  public boolean materialized() {
    return storeName != null;
  }

  @Override
  public KTableValueGetterSupplier<K, V> view() {
    if (storeName != null) {
      return new StoreValueGetterSupplier<>(storeName);
    }
    KTableValueGetterSupplier<K, V> parentView = parent.view();
    return new KTableValueGetterSupplier<>() {
      @Override
      public KTableValueGetter<K, V> get() {
        KTableValueGetter<K, V> parentGetter = parentView.get();
        return new KTableValueGetter<>() {
          @Override
          public void init(ProcessorContext<?, ?> context) {
            parentGetter.init(context);
          }

          @Override
          public ValueAndTimestamp<V> get(K key) {
            ValueAndTimestamp<V> row = parentGetter.get(key);
            return row == null || filtered(key, row.value()) == null ? null : row;
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
  public boolean enableSendingOldValues(boolean forceMaterialization) {
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
  public Processor<K, Change<V>, K, Change<V>> get() {
    return new Processor<>() {
      private ProcessorContext<K, Change<V>> context;
      private TableStore<K, V> store;
      private TableForwarder<K, V> forwarder;

      @Override
      public void init(ProcessorContext<K, Change<V>> context) {
        this.context = context;
        if (storeName != null) {
          store = context.getStateStore(storeName);
          forwarder = new TableForwarder<>(store, context, sendOldValues);
        }
      }

      @Override
      public void process(Record<K, Change<V>> record) {
        K key = record.key();
        V newValue = filtered(key, record.value().newValue());
        V oldValue = null;
        if (sendOldValues) {
          oldValue = store != null
              ? ValueAndTimestamp.getValueOrNull(store.get(key))
              : filtered(key, record.value().oldValue());
          if (oldValue == null && newValue == null) {
            return;
          }
        }
        Record<K, Change<V>> update = record.withValue(new Change<>(oldValue, newValue));
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
