package io.sluice.dsl.internals;

import io.sluice.dsl.KeyValueMapper;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.state.KeyValue;

/**
 * map and selectKey: replaces key and value by the mapper's pair; timestamp and headers pass
 * through. A {@code null} pair fails the record with a {@link NullPointerException} naming the
 * operator, which the engine hands to the processing exception handler (as Kafka Streams does), so
 * a handler that continues skips the record and the default one stops with a StreamsException.
 */
final class KStreamMap<K, V, KR, VR> implements ProcessorSupplier<K, V, KR, VR> {
  private final String operator;
  private final KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>>
      mapper;

  KStreamMap(String operator,
      KeyValueMapper<? super K, ? super V, ? extends KeyValue<? extends KR, ? extends VR>> mapper) {
    this.operator = operator;
    this.mapper = mapper;
  }

  @Override
  public Processor<K, V, KR, VR> get() {
    return new Forwarder<>() {
      @Override
      public void process(Record<K, V> record) {
        KeyValue<? extends KR, ? extends VR> pair = mapper.apply(record.key(), record.value());
        if (pair == null) {
          throw new NullPointerException("The mapper of map operator '" + operator + "' returned a"
              + " null KeyValue; return KeyValue.pair(key, value), whose key and value may be"
              + " null");
        }
        KR key = pair.key();
        VR value = pair.value();
        context().forward(record.withKey(key).withValue(value));
      }
    };
  }
}
