package io.sluice.dsl.internals;

import io.sluice.dsl.Aggregator;
import io.sluice.dsl.EmitStrategy;
import io.sluice.dsl.Initializer;
import io.sluice.dsl.KStream;
import io.sluice.dsl.KTable;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Named;
import io.sluice.dsl.Reducer;
import io.sluice.dsl.SlidingWindows;
import io.sluice.dsl.TimeWindowedKStream;
import io.sluice.dsl.Windows;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.serdes.Windowed;
import io.sluice.serdes.WindowedSerdes;
import io.sluice.serdes.internals.Change;
import io.sluice.state.WindowBytesStoreSupplier;
import io.sluice.state.WindowStore;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * A grouped stream windowed by {@link Windows} (tumbling or hopping) or {@link SlidingWindows}:
 * each aggregation adds one {@link KStreamWindowAggregate} or {@link
 * KStreamSlidingWindowAggregate} node with its timestamped window store (sliding windows keep two
 * time differences plus grace by default, since right windows start after their record).
 */
final class TimeWindowedKStreamImpl<K, V> implements TimeWindowedKStream<K, V> {
  private final GroupedInput<K, V> input;
  private final Windows windows;
  private final SlidingWindows sliding;
  private final EmitStrategy emitStrategy;

  TimeWindowedKStreamImpl(GroupedInput<K, V> input, Windows windows, EmitStrategy emitStrategy) {
    this(input, Objects.requireNonNull(windows, "windowedBy: windows"), null, emitStrategy);
  }

  TimeWindowedKStreamImpl(GroupedInput<K, V> input, SlidingWindows sliding,
      EmitStrategy emitStrategy) {
    this(input, null, Objects.requireNonNull(sliding, "windowedBy: windows"), emitStrategy);
  }

  private TimeWindowedKStreamImpl(GroupedInput<K, V> input, Windows windows,
      SlidingWindows sliding, EmitStrategy emitStrategy) {
    this.input = input;
    this.windows = windows;
    this.sliding = sliding;
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
      Materialized<K, Long, WindowStore<Bytes, byte[]>> materialized) {
    return count(null, materialized);
  }

  @Override
  public KTable<Windowed<K>, Long> count(Named named,
      Materialized<K, Long, WindowStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(materialized, "count: materialized");
    if (materialized.storeName() == null && sliding == null) {
      // Kafka Streams' time-windowed count burns one name here; keep generated names identical.
      input.builder().newStoreName(WindowedAggregation.AGGREGATE);
    }
    Materialized<K, Long, WindowStore<Bytes, byte[]>> withSerde =
        materialized.valueSerde() == null ? materialized.withValueSerde(Serdes.Long())
            : materialized;
    return doAggregate(() -> 0L, (key, value, count) -> count + 1, named, withSerde,
        WindowedAggregation.AGGREGATE, null);
  }

  @Override
  public <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator) {
    return aggregate(initializer, aggregator, null, Materialized.with(null, null));
  }

  @Override
  public <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator,
      Materialized<K, VA, WindowStore<Bytes, byte[]>> materialized) {
    return aggregate(initializer, aggregator, null, materialized);
  }

  @Override
  public <VA> KTable<Windowed<K>, VA> aggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator, Named named,
      Materialized<K, VA, WindowStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(initializer, "aggregate: initializer");
    Objects.requireNonNull(aggregator, "aggregate: aggregator");
    Objects.requireNonNull(materialized, "aggregate: materialized");
    return doAggregate(initializer, aggregator, named, materialized,
        WindowedAggregation.AGGREGATE, null);
  }

  @Override
  public KTable<Windowed<K>, V> reduce(Reducer<V> reducer) {
    return reduce(reducer, null, Materialized.with(null, null));
  }

  @Override
  public KTable<Windowed<K>, V> reduce(Reducer<V> reducer,
      Materialized<K, V, WindowStore<Bytes, byte[]>> materialized) {
    return reduce(reducer, null, materialized);
  }

  @Override
  public KTable<Windowed<K>, V> reduce(Reducer<V> reducer, Named named,
      Materialized<K, V, WindowStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(reducer, "reduce: reducer");
    Objects.requireNonNull(materialized, "reduce: materialized");
    return doAggregate(() -> null,
        (key, value, agg) -> agg == null ? value : reducer.apply(agg, value), named, materialized,
        WindowedAggregation.REDUCE, input.valueSerde());
  }

  @Override
  public TimeWindowedKStream<K, V> emitStrategy(EmitStrategy emitStrategy) {
    return new TimeWindowedKStreamImpl<>(input, windows, sliding,
        Objects.requireNonNull(emitStrategy, "emitStrategy"));
  }

  private <VA> KTable<Windowed<K>, VA> doAggregate(Initializer<VA> initializer,
      Aggregator<? super K, ? super V, VA> aggregator, Named named,
      Materialized<K, VA, ?> materialized, String prefix, Serde<VA> valueSerdeFallback) {
    InternalStreamsBuilder builder = input.builder();
    MaterializedInternal<K, VA> store = MaterializedInternal.of(materialized, builder, prefix)
        .withKeySerdeIfAbsent(input.keySerde());
    if (valueSerdeFallback != null) {
      store = store.withValueSerdeIfAbsent(valueSerdeFallback);
    }
    String name = builder.name(prefix, WindowedAggregation.explicit(named));
    GraphNode parent = WindowedAggregation.input(input, store.storeName(), name);
    long size = sliding != null ? sliding.timeDifferenceMs() : windows.size();
    long grace = sliding != null ? sliding.gracePeriodMs() : windows.gracePeriodMs();
    long retention;
    if (sliding != null) {
      // Right windows start after their record: keep two differences, as Kafka Streams does.
      retention = store.retention() == null ? 2 * size + grace : store.retention().toMillis();
      WindowedAggregation.requireSlidingRetention(retention, size, grace, store.storeName(),
          "Materialized.withRetention");
      if (materialized.storeSupplier() instanceof WindowBytesStoreSupplier given) {
        WindowedAggregation.requireSlidingRetention(given.retentionPeriod(), size, grace,
            store.storeName(), "store supplier '" + given.name() + "'");
      }
    } else {
      retention = WindowedAggregation.retention(store.retention(), size + grace,
          store.storeName());
    }
    DropSpec drops = new DropSpec(name);
    // A store supplier keeps windows for its own retention and lists them in its own order,
    // which decide (as in Kafka Streams) which final results of sliding windows go out, in what
    // order.
    SlidingFinalEmitter.StoreRules<K> storeRules =
        materialized.storeSupplier() instanceof WindowBytesStoreSupplier given
            ? new SlidingFinalEmitter.StoreRules<>(given.retentionPeriod(),
                Math.max(1L, given.segmentIntervalMs()), store.keySerde())
            : new SlidingFinalEmitter.StoreRules<>(retention, 0L, store.keySerde());
    ProcessorSupplier<K, V, Windowed<K>, Change<VA>> supplier;
    SendsOldValues sends;
    if (sliding != null) {
      KStreamSlidingWindowAggregate<K, V, VA> slidingSupplier = new KStreamSlidingWindowAggregate<>(
          sliding, store.storeName(), emitStrategy, initializer, aggregator, drops, storeRules);
      supplier = slidingSupplier;
      sends = slidingSupplier;
    } else {
      KStreamWindowAggregate<K, V, VA> timeSupplier = new KStreamWindowAggregate<>(windows,
          store.storeName(), emitStrategy, initializer, aggregator, drops);
      supplier = timeSupplier;
      sends = timeSupplier;
    }
    MaterializedInternal<K, VA> factory = store;
    long builtRetention = retention;
    GraphNode node = WindowedAggregation.add(builder, name, parent, supplier,
        context -> new AggregateStoreBuilder<>(
            factory.timestampedWindowStore(context, builtRetention, size, false),
            WindowAggregateStore::new),
        store.storeName(), emitStrategy, drops, grace, Math.max(1, size));
    Serde<Windowed<K>> keySerde = store.keySerde() == null ? null
        : WindowedSerdes.timeWindowedSerdeFrom(store.keySerde(), Math.max(1, size));
    return new KTableImpl<>(builder, node,
        new WindowedTableOperator<>(store.storeName(), false, sends), keySerde,
        store.valueSerde(), store.queryableStoreName());
  }

  @Override
  public KStream<K, V> droppedRecords(Named operator) {
    return GroupedInputs.droppedRecords(input, operator);
  }
}
