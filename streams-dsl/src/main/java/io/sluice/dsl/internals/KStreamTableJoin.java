package io.sluice.dsl.internals;

import io.sluice.dsl.KeyValueMapper;
import io.sluice.dsl.ValueJoinerWithKey;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;

/**
 * A stream-table or stream-global-table join: for each stream record, derives the table key
 * (the record's own key for a {@code KTable}), reads the table's current value through a value
 * getter and forwards {@code joiner(key, value, tableValue)} with the stream record's key,
 * timestamp and headers, when the table has a value or the join is a left join. Records with a
 * {@code null} value are dropped; so are, for an inner join, records whose table key is {@code
 * null}, while a left join joins them with {@code null}. Drops are reported as {@link
 * DropReason#NULL_VALUE} and {@link DropReason#NULL_KEY}.
 *
 * @param <K> the stream's key type
 * @param <V> the stream's value type
 * @param <TK> the table's key type
 * @param <TV> the table's value type
 * @param <VR> result value type
 */
final class KStreamTableJoin<K, V, TK, TV, VR> implements ProcessorSupplier<K, V, K, VR> {
  private final KTableValueGetterSupplier<TK, TV> table;
  private final KeyValueMapper<? super K, ? super V, ? extends TK> keySelector;
  private final ValueJoinerWithKey<? super K, ? super V, ? super TV, ? extends VR> joiner;
  private final boolean left;
  private final DropSpec drops;

  /**
   * @param table reads the table's current values
   * @param keySelector derives the table key from the stream record
   * @param joiner computes the result value
   * @param left whether records without a table value are joined with {@code null}
   * @param drops the operator's drop settings
   */
  KStreamTableJoin(KTableValueGetterSupplier<TK, TV> table,
      KeyValueMapper<? super K, ? super V, ? extends TK> keySelector,
      ValueJoinerWithKey<? super K, ? super V, ? super TV, ? extends VR> joiner, boolean left,
      DropSpec drops) {
    this.table = table;
    this.keySelector = keySelector;
    this.joiner = joiner;
    this.left = left;
    this.drops = drops;
  }

  @Override
  public Processor<K, V, K, VR> get() {
    return new JoinProcessor();
  }

  private final class JoinProcessor implements Processor<K, V, K, VR> {
    private final KTableValueGetter<TK, TV> getter = table.get();
    private final DropReporter reporter = new DropReporter(drops);
    private ProcessorContext<K, VR> context;

    @Override
    public void init(ProcessorContext<K, VR> context) {
      this.context = context;
      getter.init(context);
      reporter.init(context);
    }

    @Override
    public void process(Record<K, V> record) {
      if (record.value() == null) {
        reporter.drop(record, record.key() == null && !left ? DropReason.NULL_KEY
            : DropReason.NULL_VALUE);
        return;
      }
      TK tableKey = keySelector.apply(record.key(), record.value());
      if (tableKey == null) {
        if (left) {
          context.forward(record.withValue(joiner.apply(record.key(), record.value(), null)));
        } else {
          reporter.drop(record, DropReason.NULL_KEY);
        }
        return;
      }
      TV tableValue = ValueAndTimestamp.getValueOrNull(getter.get(tableKey));
      if (left || tableValue != null) {
        context.forward(
            record.withValue(joiner.apply(record.key(), record.value(), tableValue)));
      }
    }

    @Override
    public void close() {
      getter.close();
      reporter.close();
    }
  }
}
