package io.sluice.dsl.internals;

import io.sluice.dsl.ValueJoiner;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.serdes.ValueAndTimestamp;
import io.sluice.serdes.internals.Change;

/**
 * One side of a table-table join: processes the updates of "this" table and looks the key up in
 * the "other" table through its value getter. The left side's processor has this = left; the
 * right side's has this = right and a joiner that swaps its arguments back, so results always
 * read {@code joiner(left, right)}.
 *
 * <p>For an update of a key: when the other table has no row and this side cannot join alone
 * (inner join; the right side of a left join), nothing is forwarded, as there was and is no
 * result. Otherwise the result's new value is joined from this side's new value (or is a delete
 * when the join has no row now), its old value likewise from the old value (only when a
 * downstream asked for old values), with timestamp the larger of the update's and the other row's
 * (the update's alone when the other row is absent). An update with neither new nor old value and
 * no other row is ignored.
 *
 * @param <K> key type
 * @param <VT> value type of this table
 * @param <VO> value type of the other table
 * @param <VR> result value type
 */
final class KTableKTableJoin<K, VT, VO, VR>
    implements ProcessorSupplier<K, Change<VT>, K, Change<VR>>, SendsOldValues {
  private final KTableValueGetterSupplier<K, VO> other;
  private final ValueJoiner<? super VT, ? super VO, ? extends VR> joiner;
  private final boolean thisOptional;
  private final boolean otherOptional;
  private final DropSpec drops;
  private volatile boolean sendOldValues;

  /**
   * @param other the other table's value getters
   * @param joiner joins this side's value with the other's
   * @param thisOptional whether a result exists without a row on this side
   * @param otherOptional whether a result exists without a row on the other side
   * @param drops where updates with a null key are reported
   */
  KTableKTableJoin(KTableValueGetterSupplier<K, VO> other,
      ValueJoiner<? super VT, ? super VO, ? extends VR> joiner, boolean thisOptional,
      boolean otherOptional, DropSpec drops) {
    this.other = other;
    this.joiner = joiner;
    this.thisOptional = thisOptional;
    this.otherOptional = otherOptional;
    this.drops = drops;
  }

  @Override
  public void enableSendingOldValues() {
    sendOldValues = true;
  }

  @Override
  public Processor<K, Change<VT>, K, Change<VR>> get() {
    return new JoinProcessor();
  }

  private final class JoinProcessor implements Processor<K, Change<VT>, K, Change<VR>> {
    private final KTableValueGetter<K, VO> getter = other.get();
    private final DropReporter dropReporter = new DropReporter(drops);
    private final boolean oldValues = sendOldValues;
    private ProcessorContext<K, Change<VR>> context;

    @Override
    public void init(ProcessorContext<K, Change<VR>> context) {
      this.context = context;
      getter.init(context);
      dropReporter.init(context);
    }

    @Override
    public void process(Record<K, Change<VT>> record) {
      if (record.key() == null) {
        dropReporter.drop(record.withValue(record.value().newValue()), DropReason.NULL_KEY);
        return;
      }
      ValueAndTimestamp<VO> otherRow = getter.get(record.key());
      VO otherValue = ValueAndTimestamp.getValueOrNull(otherRow);
      Change<VT> change = record.value();
      long timestamp;
      if (otherValue == null) {
        if (!otherOptional || change.newValue() == null && change.oldValue() == null) {
          return;
        }
        timestamp = record.timestamp();
      } else {
        timestamp = Math.max(record.timestamp(), otherRow.timestamp());
      }
      VR newResult = join(change.newValue(), otherValue);
      VR oldResult = oldValues ? join(change.oldValue(), otherValue) : null;
      context.forward(record.withValue(new Change<>(oldResult, newResult))
          .withTimestamp(timestamp));
    }

    private VR join(VT thisValue, VO otherValue) {
      boolean joins = (thisValue != null || thisOptional) && (otherValue != null || otherOptional)
          && (thisValue != null || otherValue != null);
      return joins ? joiner.apply(thisValue, otherValue) : null;
    }

    @Override
    public void close() {
      getter.close();
      dropReporter.close();
    }
  }
}
