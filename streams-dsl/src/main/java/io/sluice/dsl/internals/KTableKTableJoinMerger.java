package io.sluice.dsl.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.internals.Change;

/**
 * The result table of a table-table join: merges the updates of the join's two side processors
 * and, when the result is materialized, writes them to its store (forwarding through the store's
 * cache when it caches). Downstream reads come from that store, or, unmaterialized, from joining
 * both tables' rows on the fly. Asking it for old values makes both tables send theirs, which
 * keeps them in stores.
 *
 * @param <K> key type
 * @param <V1> left value type
 * @param <V2> right value type
 * @param <VR> result value type
 */
final class KTableKTableJoinMerger<K, V1, V2, VR>
    implements ProcessorSupplier<K, Change<VR>, K, Change<VR>>, TableOperator<K, VR> {
  private final TableOperator<K, V1> left;
  private final TableOperator<K, V2> right;
  private final KTableKTableJoin<K, V1, V2, VR> leftSide;
  private final KTableKTableJoin<K, V2, V1, VR> rightSide;
  private final KTableKTableJoinValueGetterSupplier<K, V1, V2, VR> joinedRows;
  private final String storeName;
  private volatile boolean sendOldValues;

  /**
   * @param storeName the result's store, or {@code null} when it is not materialized
   */
  KTableKTableJoinMerger(TableOperator<K, V1> left, TableOperator<K, V2> right,
      KTableKTableJoin<K, V1, V2, VR> leftSide, KTableKTableJoin<K, V2, V1, VR> rightSide,
      KTableKTableJoinValueGetterSupplier<K, V1, V2, VR> joinedRows, String storeName) {
    this.left = left;
    this.right = right;
    this.leftSide = leftSide;
    this.rightSide = rightSide;
    this.joinedRows = joinedRows;
    this.storeName = storeName;
  }

  @Override
  public KTableValueGetterSupplier<K, VR> view() {
    return storeName != null ? new StoreValueGetterSupplier<>(storeName) : joinedRows;
  }

  @Override
  public boolean enableSendingOldValues(boolean forceMaterialization) {
    left.enableSendingOldValues(true);
    right.enableSendingOldValues(true);
    leftSide.enableSendingOldValues();
    rightSide.enableSendingOldValues();
    sendOldValues = true;
    return true;
  }

  @Override
  public boolean materialized() {
    return storeName != null;
  }

  @Override
  public Processor<K, Change<VR>, K, Change<VR>> get() {
    boolean oldValues = sendOldValues;
    return new Processor<>() {
      private ProcessorContext<K, Change<VR>> context;
      private TableStore<K, VR> store;
      private TableForwarder<K, VR> forwarder;

      @Override
      public void init(ProcessorContext<K, Change<VR>> context) {
        this.context = context;
        if (storeName != null) {
          store = context.getStateStore(storeName);
          forwarder = new TableForwarder<>(store, context, oldValues);
        }
      }

      @Override
      public void process(Record<K, Change<VR>> record) {
        if (store == null) {
          context.forward(oldValues
              ? record : record.withValue(new Change<>(null, record.value().newValue())));
          return;
        }
        store.put(record.key(),
            ValueAndTimestamp.make(record.value().newValue(), record.timestamp()));
        forwarder.maybeForward(record);
      }
    };
  }
}
