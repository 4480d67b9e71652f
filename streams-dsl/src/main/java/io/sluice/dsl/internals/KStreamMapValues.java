package io.sluice.dsl.internals;

import io.sluice.dsl.ValueMapperWithKey;
import io.sluice.processor.FixedKeyProcessor;
import io.sluice.processor.FixedKeyProcessorSupplier;
import io.sluice.processor.FixedKeyRecord;

/** mapValues: replaces each value; key, timestamp and headers pass through. */
final class KStreamMapValues<K, V, VR> implements FixedKeyProcessorSupplier<K, V, VR> {
  private final ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper;

  KStreamMapValues(ValueMapperWithKey<? super K, ? super V, ? extends VR> mapper) {
    this.mapper = mapper;
  }

  @Override
  public FixedKeyProcessor<K, V, VR> get() {
    return new FixedKeyForwarder<>() {
      @Override
      public void process(FixedKeyRecord<K, V> record) {
        VR value = mapper.apply(record.key(), record.value());
        context().forward(record.withValue(value));
      }
    };
  }
}
