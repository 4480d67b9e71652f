package io.sluice.dsl.internals;

import io.sluice.dsl.ForeachAction;
import io.sluice.processor.FixedKeyProcessor;
import io.sluice.processor.FixedKeyProcessorSupplier;
import io.sluice.processor.FixedKeyRecord;

/** peek (runs the action, then forwards the record unchanged) and foreach (forwards nothing). */
final class KStreamPeek<K, V> implements FixedKeyProcessorSupplier<K, V, V> {
  private final ForeachAction<? super K, ? super V> action;
  private final boolean forward;

  KStreamPeek(ForeachAction<? super K, ? super V> action, boolean forward) {
    this.action = action;
    this.forward = forward;
  }

  @Override
  public FixedKeyProcessor<K, V, V> get() {
    return new FixedKeyForwarder<>() {
      @Override
      public void process(FixedKeyRecord<K, V> record) {
        action.apply(record.key(), record.value());
        if (forward) {
          context().forward(record);
        }
      }
    };
  }
}
