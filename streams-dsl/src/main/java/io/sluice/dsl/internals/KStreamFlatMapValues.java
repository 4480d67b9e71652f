package io.sluice.dsl.internals;

import io.sluice.dsl.ValueMapperWithKey;
import io.sluice.processor.FixedKeyProcessor;
import io.sluice.processor.FixedKeyProcessorSupplier;
import io.sluice.processor.FixedKeyRecord;

/**
 * flatMapValues: forwards one record per value the mapper returns, each with the input's key,
 * timestamp and headers. A {@code null} collection fails the record with a
 * {@link NullPointerException} naming the operator (handled like any processing error); an empty
 * one forwards nothing.
 */
final class KStreamFlatMapValues<K, V, VR> implements FixedKeyProcessorSupplier<K, V, VR> {
  private final String operator;
  private final ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper;

  KStreamFlatMapValues(String operator,
      ValueMapperWithKey<? super K, ? super V, ? extends Iterable<? extends VR>> mapper) {
    this.operator = operator;
    this.mapper = mapper;
  }

  @Override
  public FixedKeyProcessor<K, V, VR> get() {
    return new FixedKeyForwarder<>() {
      @Override
      public void process(FixedKeyRecord<K, V> record) {
        Iterable<? extends VR> values = mapper.apply(record.key(), record.value());
        if (values == null) {
          throw new NullPointerException("The mapper of flatMapValues operator '" + operator
              + "' returned null; return an empty collection to forward nothing");
        }
        for (VR value : values) {
          context().forward(record.withValue(value));
        }
      }
    };
  }
}
