package io.sluice.dsl.internals;

import io.sluice.dsl.KeyValueMapper;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.state.KeyValue;

/**
 * flatMap: forwards one record per pair the mapper returns, each with the input's timestamp and
 * headers. A {@code null} collection or pair fails the record with a {@link NullPointerException}
 * naming the operator, which goes to the processing exception handler as in Kafka Streams.
 */
final class KStreamFlatMap<K, V, KR, VR> implements ProcessorSupplier<K, V, KR, VR> {
  private final String operator;
  private final KeyValueMapper<? super K, ? super V,
      ? extends Iterable<? extends KeyValue<? extends KR, ? extends VR>>> mapper;

  KStreamFlatMap(String operator, KeyValueMapper<? super K, ? super V,
      ? extends Iterable<? extends KeyValue<? extends KR, ? extends VR>>> mapper) {
    this.operator = operator;
    this.mapper = mapper;
  }

  @Override
  public Processor<K, V, KR, VR> get() {
    return new Forwarder<>() {
      @Override
      public void process(Record<K, V> record) {
        Iterable<? extends KeyValue<? extends KR, ? extends VR>> pairs =
            mapper.apply(record.key(), record.value());
        if (pairs == null) {
          throw new NullPointerException("The mapper of flatMap operator '" + operator
              + "' returned null; return an empty collection to forward nothing");
        }
        for (KeyValue<? extends KR, ? extends VR> pair : pairs) {
          if (pair == null) {
            throw new NullPointerException("The mapper of flatMap operator '" + operator
                + "' returned a collection holding a null KeyValue; use KeyValue.pair(key, value),"
                + " whose key and value may be null");
          }
          KR key = pair.key();
          VR value = pair.value();
          context().forward(record.withKey(key).withValue(value));
        }
      }
    };
  }
}
