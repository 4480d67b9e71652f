package io.sluice.dsl.internals;

import io.sluice.dsl.ValueMapperWithKey;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.internals.Change;

/**
 * {@code KTable.mapValues}: maps each row's new (and, when asked, old) value; deletes stay deletes
 * and the mapper never sees {@code null}. Materialized, it keeps its result in its own store and
 * reads old values from there.
 *
 * @param <K> key type
 * @param <V> value type
 * @param <VR> result value type
 */
final class KTableMapValues<K, V, VR>
    implements ProcessorSupplier<K, Change<V>, K, Change<VR>>, TableOperator<K, VR> {
  private final TableOperator<K, V> parent;
  private final ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper;
  private final String storeName;
  private boolean sendOldValues;

  /**
   * @param storeName the result's store, or {@code null} if not materialized
   */
  KTableMapValues(TableOperator<K, V> parent,
      ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper, String storeName) {
    this.parent = parent;
    this.mapper = mapper;
    this.storeName = storeName;
  }

  private VR mapped(K key, V value) {
    return value == null ? null : mapper.apply(key, value);
  }

  @Override
  public boolean materialized() {
    return storeName != null;
  }

  @Override
  public KTableValueGetterSupplier<K, VR> view() {
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
                : ValueAndTimestamp.make(mapped(key, row.value()), row.timestamp());
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
  public Processor<K, Change<V>, K, Change<VR>> get() {
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
        VR newValue = mapped(key, record.value().newValue());
        VR oldValue = null;
        if (sendOldValues) {
          oldValue = store != null
              ? ValueAndTimestamp.getValueOrNull(store.get(key))
              : mapped(key, record.value().oldValue());
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
