package io.sluice.dsl.internals;

import io.sluice.processor.FixedKeyProcessor;
import io.sluice.processor.FixedKeyProcessorSupplier;
import io.sluice.processor.FixedKeyRecord;

/** Forwards every record unchanged: the node of a merge and of each split branch. */
final class KStreamPassThrough<K, V> implements FixedKeyProcessorSupplier<K, V, V> {
  @Override
  public FixedKeyProcessor<K, V, V> get() {
    return new FixedKeyForwarder<>() {
      @Override
      public void process(FixedKeyRecord<K, V> record) {
        context().forward(record);
      }
    };
  }
}
