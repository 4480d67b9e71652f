package io.sluice.dsl.internals;

import io.sluice.dsl.Predicate;
import io.sluice.processor.FixedKeyProcessor;
import io.sluice.processor.FixedKeyProcessorSupplier;
import io.sluice.processor.FixedKeyRecord;

/** filter / filterNot: forwards the records the predicate accepts (or, negated, rejects). */
final class KStreamFilter<K, V> implements FixedKeyProcessorSupplier<K, V, V> {
  private final Predicate<? super K, ? super V> predicate;
  private final boolean negate;

  KStreamFilter(Predicate<? super K, ? super V> predicate, boolean negate) {
    this.predicate = predicate;
    this.negate = negate;
  }

  @Override
  public FixedKeyProcessor<K, V, V> get() {
    return new FixedKeyForwarder<>() {
      @Override
      public void process(FixedKeyRecord<K, V> record) {
        if (predicate.test(record.key(), record.value()) != negate) {
          context().forward(record);
        }
      }
    };
  }
}
