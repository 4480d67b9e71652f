package io.sluice.dsl.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.internals.Change;

/**
 * Turns a changelog stream into table updates ({@code StreamsBuilder.table}, {@code
 * KStream.toTable}): each record is the key's new value, {@code null} a delete. Kept in a store
 * when the user named one or a downstream operator needs to read rows or old values; otherwise
 * it forwards without state (and without old values). Records with a {@code null} key cannot be
 * a row: they are dropped and reported.
 *
 * @param <K> key type
 * @param <V> value type
 */
final class KTableSource<K, V>
    implements ProcessorSupplier<K, V, K, Change<V>>, TableOperator<K, V> {
  private final String storeName;
  private final DropSpec drops;
  private boolean materialized;
  private boolean sendOldValues;

  /**
   * @param storeName the store's name, used once the table is materialized
   * @param materialized whether the user asked for a store
   * @param drops the operator's drop settings
   */
  KTableSource(String storeName, boolean materialized, DropSpec drops) {
    this.storeName = storeName;
    this.materialized = materialized;
    this.drops = drops;
  }

  @Override
  public boolean materialized() {
    return materialized;
  }

  @Override
  public KTableValueGetterSupplier<K, V> view() {
    materialized = true;
    return new StoreValueGetterSupplier<>(storeName);
  }

  @Override
  public boolean enableSendingOldValues(boolean forceMaterialization) {
    if (!materialized && !forceMaterialization) {
      return false;
    }
    materialized = true;
    sendOldValues = true;
    return true;
  }

  @Override
  public Processor<K, V, K, Change<V>> get() {
    return new Processor<>() {
      private ProcessorContext<K, Change<V>> context;
      private TableStore<K, V> store;
      private TableForwarder<K, V> forwarder;
      private final DropReporter dropReporter = new DropReporter(drops);

      @Override
      public void init(ProcessorContext<K, Change<V>> context) {
        this.context = context;
        dropReporter.init(context);
        if (materialized) {
          store = context.getStateStore(storeName);
          forwarder = new TableForwarder<>(store, context, sendOldValues);
        }
      }

      @Override
      public void process(Record<K, V> record) {
        if (record.key() == null) {
          dropReporter.drop(record, DropReason.NULL_KEY);
          return;
        }
        if (store == null) {
          context.forward(record.withValue(new Change<>(null, record.value())));
          return;
        }
        V oldValue = ValueAndTimestamp.getValueOrNull(store.get(record.key()));
        store.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
        forwarder.maybeForward(record.withValue(new Change<>(oldValue, record.value())));
      }

      @Override
      public void close() {
        dropReporter.close();
      }
    };
  }
}
