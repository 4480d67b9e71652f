package io.sluice.dsl.internals;

import io.sluice.dsl.Aggregator;
import io.sluice.dsl.EmitStrategy;
import io.sluice.dsl.Initializer;
import io.sluice.dsl.KStream;
import io.sluice.dsl.KTable;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Merger;
import io.sluice.dsl.Named;
import io.sluice.dsl.Reducer;
import io.sluice.dsl.SessionWindowedKStream;
import io.sluice.dsl.SessionWindows;
import io.sluice.serdes.Windowed;
import io.sluice.serdes.WindowedSerdes;
import io.sluice.state.SessionStore;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * A grouped stream windowed by {@link SessionWindows}: each aggregation adds one {@link
 * KStreamSessionWindowAggregate} node with its session store.
 */
final class SessionWindowedKStreamImpl<K, V> implements SessionWindowedKStream<K, V> {
  private final GroupedInput<K, V> input;
  private final SessionWindows windows;
  private final EmitStrategy emitStrategy;

  SessionWindowedKStreamImpl(GroupedInput<K, V> input, SessionWindows windows,
      EmitStrategy emitStrategy) {
    this.input = input;
    this.windows = Objects.requireNonNull(windows, "windowedBy: windows");
    this.emitStrategy = emitStrategy;
  }

  @Override
  public KTable<Windowed<K>, Long> count() {
    return count(null, Materialized.with(null, null));
  }

  @Override
  public KTable<Windowed<K>, Long> count(Named named) {
    return count(named, Materialized.with(null, null));
  }

  @Override
  public KTable<Windowed<K>, Long> count(
      Materialized<K, Long, SessionStore<Bytes, byte[]>> materialized) {
    return count(null, materialized);
  }

  @Override
  public KTable<Windowed<K>, Long> count(Named named,
      Materialized<K, Long, SessionStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(materialized, "count: materialized");
    if (materialized.storeName() == null) {
      // Kafka Streams' session-windowed count burns one name here; keep generated names identical.
      input.builder().newStoreName(WindowedAggregation.AGGREGATE);
    }
    Materialized<K, Long, SessionStore<Bytes, byte[]>> withSerde =
        materialized.valueSerde() == null ? materialized.withValueSerde(Serdes.Long())
            : materialized;
    return doAggregate(() -> 0L, (key, value, count) -> count + 1,
        (key, one, two) -> one + two, named, withSerde, WindowedAggregation.AGGREGATE, null);
  }

  @Override
  public <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator, Merger<? super K, VA> merger) {
    return aggregate(initializer, aggregator, merger, null, Materialized.with(null, null));
  }

  @Override
  public <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator, Merger<? super K, VA> merger,
      Materialized<K, VA, SessionStore<Bytes, byte[]>> materialized) {
    return aggregate(initializer, aggregator, merger, null, materialized);
  }

  @Override
  public <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator, Merger<? super K, VA> merger, Named named,
      Materialized<K, VA, SessionStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(initializer, "aggregate: initializer");
    Objects.requireNonNull(aggregator, "aggregate: aggregator");
    Objects.requireNonNull(merger, "aggregate: merger");
    Objects.requireNonNull(materialized, "aggregate: materialized");
    return doAggregate(initializer, aggregator, merger, named, materialized,
        WindowedAggregation.AGGREGATE, null);
  }

  @Override
  public KTable<Windowed<K>, V> reduce(Reducer<V> reducer) {
    return reduce(reducer, null, Materialized.with(null, null));
  }

  @Override
  public KTable<Windowed<K>, V> reduce(Reducer<V> reducer,
      Materialized<K, V, SessionStore<Bytes, byte[]>> materialized) {
    return reduce(reducer, null, materialized);
  }

  @Override
  public KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Named named,
      Materialized<K, V, SessionStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(reducer, "reduce: reducer");
    Objects.requireNonNull(materialized, "reduce: materialized");
    Aggregator<K, V, V> fold = (key, value, agg) -> agg == null ? value : reducer.apply(agg, value);
    return doAggregate(() -> null, fold, (key, agg, session) -> fold.apply(key, session, agg),
        named, materialized, WindowedAggregation.REDUCE, input.valueSerde());
  }

  @Override
  public SessionWindowedKStream<K, V> emitStrategy(EmitStrategy emitStrategy) {
    return new SessionWindowedKStreamImpl<>(input, windows,
        Objects.requireNonNull(emitStrategy, "emitStrategy"));
  }

  private <VA> KTable<Windowed<K>, VA> doAggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator, Merger<? super K, VA> merger, Named named,
      Materialized<K, VA, ?> materialized, String prefix, Serde<VA> valueSerdeFallback) {
    InternalStreamsBuilder builder = input.builder();
    MaterializedInternal<K, VA> store = MaterializedInternal.of(materialized, builder, prefix)
        .withKeySerdeIfAbsent(input.keySerde());
    if (valueSerdeFallback != null) {
      store = store.withValueSerdeIfAbsent(valueSerdeFallback);
    }
    String name = builder.name(prefix, WindowedAggregation.explicit(named));
    GraphNode parent = WindowedAggregation.input(input, store.storeName(), name);
    long closeAfterEnd = windows.inactivityGap() + windows.gracePeriodMs();
    long retention = WindowedAggregation.retention(store.retention(), closeAfterEnd,
        store.storeName());
    DropSpec drops = new DropSpec(name);
    KStreamSessionWindowAggregate<K, V, VA> supplier = new KStreamSessionWindowAggregate<>(
        windows, store.storeName(), emitStrategy, initializer, aggregator, merger, drops);
    MaterializedInternal<K, VA> factory = store;
    GraphNode node = WindowedAggregation.add(builder, name, parent, supplier,
        context -> new AggregateStoreBuilder<>(factory.sessionStore(context, retention),
            SessionAggregateStore::new), store.storeName(), emitStrategy,
        drops, closeAfterEnd, -1);
    Serde<Windowed<K>> keySerde = store.keySerde() == null ? null
        : WindowedSerdes.sessionWindowedSerdeFrom(store.keySerde());
    return new KTableImpl<>(builder, node,
        new WindowedTableOperator<>(store.storeName(), true, supplier), keySerde,
        store.valueSerde(), store.queryableStoreName());
  }

  @Override
  public KStream<K, V> droppedRecords(Named operator) {
    return GroupedInputs.droppedRecords(input, operator);
  }
}
