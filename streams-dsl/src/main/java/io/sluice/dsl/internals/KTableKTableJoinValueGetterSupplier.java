package io.sluice.dsl.internals;

import io.sluice.dsl.ValueJoiner;
import io.sluice.processor.ProcessorContext;
import io.sluice.serdes.ValueAndTimestamp;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the row of an unmaterialized table-table join by joining the two tables' current rows:
 * the row exists where {@link TableJoinKind#joins} says so, and its timestamp is the larger of
 * the present rows' timestamps.
 *
 * @param <K> key type
 * @param <V1> left value type
 * @param <V2> right value type
 * @param <VR> result value type
 */
final class KTableKTableJoinValueGetterSupplier<K, V1, V2, VR>
    implements KTableValueGetterSupplier<K, VR> {
  private final KTableValueGetterSupplier<K, V1> left;
  private final KTableValueGetterSupplier<K, V2> right;
  private final ValueJoiner<? super V1, ? super V2, ? extends VR> joiner;
  private final TableJoinKind kind;

  KTableKTableJoinValueGetterSupplier(KTableValueGetterSupplier<K, V1> left,
      KTableValueGetterSupplier<K, V2> right,
      ValueJoiner<? super V1, ? super V2, ? extends VR> joiner, TableJoinKind kind) {
    this.left = left;
    this.right = right;
    this.joiner = joiner;
    this.kind = kind;
  }

  @Override
  public KTableValueGetter<K, VR> get() {
    KTableValueGetter<K, V1> leftGetter = left.get();
    KTableValueGetter<K, V2> rightGetter = right.get();
    return new KTableValueGetter<>() {
      @Override
      public void init(ProcessorContext<?, ?> context) {
        leftGetter.init(context);
        rightGetter.init(context);
      }

      @Override
      public ValueAndTimestamp<VR> get(K key) {
        ValueAndTimestamp<V1> leftRow = leftGetter.get(key);
        ValueAndTimestamp<V2> rightRow = rightGetter.get(key);
        V1 leftValue = ValueAndTimestamp.getValueOrNull(leftRow);
        V2 rightValue = ValueAndTimestamp.getValueOrNull(rightRow);
        if (!kind.joins(leftValue != null, rightValue != null)) {
          return null;
        }
        long timestamp = Math.max(leftValue == null ? Long.MIN_VALUE : leftRow.timestamp(),
            rightValue == null ? Long.MIN_VALUE : rightRow.timestamp());
        return ValueAndTimestamp.make(joiner.apply(leftValue, rightValue), timestamp);
      }

      @Override
      public void close() {
        leftGetter.close();
        rightGetter.close();
      }
    };
  }

  @Override
  public String[] storeNames() {
    Set<String> names = new LinkedHashSet<>(List.of(left.storeNames()));
    names.addAll(List.of(right.storeNames()));
    return names.toArray(String[]::new);
  }
}
