package io.sluice.dsl.internals;

import io.sluice.dsl.Aggregator;
import io.sluice.dsl.CogroupedKStream;
import io.sluice.dsl.EmitStrategy;
import io.sluice.dsl.Initializer;
import io.sluice.dsl.KGroupedStream;
import io.sluice.dsl.KTable;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Merger;
import io.sluice.dsl.Named;
import io.sluice.dsl.SessionWindowedCogroupedKStream;
import io.sluice.dsl.SessionWindows;
import io.sluice.dsl.TimeWindowedCogroupedKStream;
import io.sluice.dsl.TimeWindows;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.serdes.Windowed;
import io.sluice.serdes.internals.Change;
import io.sluice.serdes.WindowedSerdes;
import io.sluice.state.KeyValueStore;
import io.sluice.state.SessionStore;
import io.sluice.state.StoreBuilder;
import io.sluice.state.WindowStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * A cogroup: grouped inputs with their aggregators, in the order added. Aggregating adds, per
 * input, one aggregate processor ({@code COGROUPKSTREAM-AGGREGATE-}, or {@code
 * <name>-cogroup-agg-<i>}) connected to one shared store owned by the first, and a pass-through
 * merge node ({@code COGROUPKSTREAM-MERGE-}, or {@code <name>-cogroup-merge}) whose output is the
 * table.
 *
 * @param <K> key type
 * @param <VOut> aggregate type
 */
final class CogroupedKStreamImpl<K, VOut> implements CogroupedKStream<K, VOut> {
  static final String AGGREGATE = "COGROUPKSTREAM-AGGREGATE-";
  static final String MERGE = "COGROUPKSTREAM-MERGE-";

  private final InternalStreamsBuilder builder;
  private final List<Input<K, ?, VOut>> inputs = new ArrayList<>();

  /** One grouped input and its aggregator. */
  private record Input<K, V, VOut>(GroupedInput<K, V> input,
      Aggregator<? super K, ? super V, VOut> aggregator) {}

  /** Creates the aggregate processor of one input. */
  private interface PerInput<K, KOut, VOut> {
    <V> ProcessorSupplier<K, V, KOut, Change<VOut>> create(
        Aggregator<? super K, ? super V, VOut> aggregator, DropSpec drops);
  }

  <V> CogroupedKStreamImpl(GroupedInput<K, V> first, Aggregator<? super K, ? super V, VOut> agg) {
    this.builder = first.builder();
    inputs.add(new Input<>(first, Objects.requireNonNull(agg, "cogroup: aggregator")));
  }

  @Override
  public <VIn> CogroupedKStream<K, VOut> cogroup(KGroupedStream<K, VIn> groupedStream,
      Aggregator<? super K, ? super VIn, VOut> aggregator) {
    Objects.requireNonNull(groupedStream, "cogroup: groupedStream");
    Objects.requireNonNull(aggregator, "cogroup: aggregator");
    if (!(groupedStream instanceof GroupedInput<?, ?> grouped) || grouped.builder() != builder) {
      throw new IllegalArgumentException("cogroup: the grouped stream comes from another"
          + " StreamsBuilder; cogroup only streams of the same builder");
    }
    // A KGroupedStream<K, VIn> of this builder is its own GroupedInput<K, VIn>.
    @SuppressWarnings("unchecked")
    GroupedInput<K, VIn> input = (GroupedInput<K, VIn>) grouped;
    for (Input<K, ?, VOut> existing : inputs) {
      if (existing.input() == input) {
        throw new IllegalArgumentException("cogroup: this grouped stream was already added");
      }
    }
    inputs.add(new Input<>(input, aggregator));
    return this;
  }

  @Override
  public KTable<K, VOut> aggregate(Initializer<VOut> initializer) {
    return aggregate(initializer, null, Materialized.with(null, null));
  }

  @Override
  public KTable<K, VOut> aggregate(Initializer<VOut> initializer, Named named) {
    return aggregate(initializer, named, Materialized.with(null, null));
  }

  @Override
  public KTable<K, VOut> aggregate(Initializer<VOut> initializer,
      Materialized<K, VOut, KeyValueStore<Bytes, byte[]>> materialized) {
    return aggregate(initializer, null, materialized);
  }

  @Override
  public KTable<K, VOut> aggregate(Initializer<VOut> initializer, Named named,
      Materialized<K, VOut, KeyValueStore<Bytes, byte[]>> materialized) {
    Objects.requireNonNull(initializer, "aggregate: initializer");
    Objects.requireNonNull(materialized, "aggregate: materialized");
    MaterializedInternal<K, VOut> store = MaterializedInternal.of(materialized, builder, AGGREGATE)
        .withKeySerdeIfAbsent(firstKeySerde());
    List<SendsOldValues> suppliers = new ArrayList<>();
    GraphNode merge = build(named, store.storeName(),
        context -> store.timestampedKeyValueStore(context), suppliers, -1, -1,
        new PerInput<K, K, VOut>() {
          @Override
          public <V> ProcessorSupplier<K, V, K, Change<VOut>> create(
              Aggregator<? super K, ? super V, VOut> aggregator, DropSpec drops) {
            return new KStreamCogroupAggregate<>(store.storeName(), initializer, aggregator,
                drops);
          }
        });
    return new KTableImpl<>(builder, merge, new CogroupTableOperator<>(store.storeName(),
        suppliers), store.keySerde(), store.valueSerde(), store.queryableStoreName());
  }

  @Override
  public TimeWindowedCogroupedKStream<K, VOut> windowedBy(TimeWindows windows) {
    Objects.requireNonNull(windows, "windowedBy: windows");
    return new TimeWindowedCogroupedKStream<>() {
      @Override
      public KTable<Windowed<K>, VOut> aggregate(Initializer<VOut> initializer) {
        return aggregate(initializer, null, Materialized.with(null, null));
      }

      @Override
      public KTable<Windowed<K>, VOut> aggregate(Initializer<VOut> initializer,
          Materialized<K, VOut, WindowStore<Bytes, byte[]>> materialized) {
        return aggregate(initializer, null, materialized);
      }

      @Override
      public KTable<Windowed<K>, VOut> aggregate(Initializer<VOut> initializer, Named named,
          Materialized<K, VOut, WindowStore<Bytes, byte[]>> materialized) {
        return timeWindowed(windows, initializer, named, materialized);
      }
    };
  }

  @Override
  public SessionWindowedCogroupedKStream<K, VOut> windowedBy(SessionWindows windows) {
    Objects.requireNonNull(windows, "windowedBy: windows");
    return new SessionWindowedCogroupedKStream<>() {
      @Override
      public KTable<Windowed<K>, VOut> aggregate(Initializer<VOut> initializer,
          Merger<? super K, VOut> merger) {
        return aggregate(initializer, merger, null, Materialized.with(null, null));
      }

      @Override
      public KTable<Windowed<K>, VOut> aggregate(Initializer<VOut> initializer,
          Merger<? super K, VOut> merger,
          Materialized<K, VOut, SessionStore<Bytes, byte[]>> materialized) {
        return aggregate(initializer, merger, null, materialized);
      }

      @Override
      public KTable<Windowed<K>, VOut> aggregate(Initializer<VOut> initializer,
          Merger<? super K, VOut> merger, Named named,
          Materialized<K, VOut, SessionStore<Bytes, byte[]>> materialized) {
        return sessionWindowed(windows, initializer, merger, named, materialized);
      }
    };
  }

  private KTable<Windowed<K>, VOut> timeWindowed(TimeWindows windows,
      Initializer<VOut> initializer, Named named, Materialized<K, VOut, ?> materialized) {
    Objects.requireNonNull(initializer, "aggregate: initializer");
    Objects.requireNonNull(materialized, "aggregate: materialized");
    MaterializedInternal<K, VOut> store = MaterializedInternal.of(materialized, builder, AGGREGATE)
        .withKeySerdeIfAbsent(firstKeySerde());
    long size = windows.size();
    long retention = WindowedAggregation.retention(store.retention(),
        size + windows.gracePeriodMs(), store.storeName());
    List<SendsOldValues> suppliers = new ArrayList<>();
    GraphNode merge = build(named, store.storeName(),
        context -> new AggregateStoreBuilder<>(
            store.timestampedWindowStore(context, retention, size, false),
            WindowAggregateStore::new), suppliers,
        windows.gracePeriodMs(), size,
        new PerInput<K, Windowed<K>, VOut>() {
          @Override
          public <V> ProcessorSupplier<K, V, Windowed<K>, Change<VOut>> create(
              Aggregator<? super K, ? super V, VOut> aggregator, DropSpec drops) {
            return new KStreamWindowAggregate<>(windows, store.storeName(),
                EmitStrategy.ON_WINDOW_UPDATE, initializer, aggregator, drops);
          }
        });
    Serde<Windowed<K>> keySerde = store.keySerde() == null ? null
        : WindowedSerdes.timeWindowedSerdeFrom(store.keySerde(), size);
    return new KTableImpl<>(builder, merge, new WindowedTableOperator<>(store.storeName(), false,
        () -> suppliers.forEach(SendsOldValues::enableSendingOldValues)), keySerde,
        store.valueSerde(), store.queryableStoreName());
  }

  private KTable<Windowed<K>, VOut> sessionWindowed(SessionWindows windows,
      Initializer<VOut> initializer, Merger<? super K, VOut> merger, Named named,
      Materialized<K, VOut, ?> materialized) {
    Objects.requireNonNull(initializer, "aggregate: initializer");
    Objects.requireNonNull(merger, "aggregate: merger");
    Objects.requireNonNull(materialized, "aggregate: materialized");
    MaterializedInternal<K, VOut> store = MaterializedInternal.of(materialized, builder, AGGREGATE)
        .withKeySerdeIfAbsent(firstKeySerde());
    long closeAfterEnd = windows.inactivityGap() + windows.gracePeriodMs();
    long retention = WindowedAggregation.retention(store.retention(), closeAfterEnd,
        store.storeName());
    List<SendsOldValues> suppliers = new ArrayList<>();
    GraphNode merge = build(named, store.storeName(),
        context -> new AggregateStoreBuilder<>(store.sessionStore(context, retention),
            SessionAggregateStore::new), suppliers, closeAfterEnd, -1,
        new PerInput<K, Windowed<K>, VOut>() {
          @Override
          public <V> ProcessorSupplier<K, V, Windowed<K>, Change<VOut>> create(
              Aggregator<? super K, ? super V, VOut> aggregator, DropSpec drops) {
            return new KStreamSessionWindowAggregate<>(windows, store.storeName(),
                EmitStrategy.ON_WINDOW_UPDATE, initializer, aggregator, merger, drops);
          }
        });
    Serde<Windowed<K>> keySerde = store.keySerde() == null ? null
        : WindowedSerdes.sessionWindowedSerdeFrom(store.keySerde());
    return new KTableImpl<>(builder, merge, new WindowedTableOperator<>(store.storeName(), true,
        () -> suppliers.forEach(SendsOldValues::enableSendingOldValues)), keySerde,
        store.valueSerde(), store.queryableStoreName());
  }

  private Serde<K> firstKeySerde() {
    return inputs.get(0).input().keySerde();
  }

  private <KOut> GraphNode build(Named named, String storeName,
      Function<BuildContext, StoreBuilder<?>> store, List<SendsOldValues> suppliers,
      long graceMs, long sizeMs, PerInput<K, KOut, VOut> factory) {
    String base = named == null ? null : named.name();
    List<GraphNode> aggregates = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      String name = base != null ? base + "-cogroup-agg-" + i : builder.newName(AGGREGATE);
      aggregates.add(addInput(inputs.get(i), name, i == 0, storeName, store, suppliers, graceMs,
          sizeMs, factory));
    }
    String mergeName = base != null ? base + "-cogroup-merge" : builder.newName(MERGE);
    GraphNode merge = new FixedKeyProcessorNode<>(mergeName, aggregates,
        new KStreamPassThrough<KOut, Change<VOut>>(), List.of());
    builder.add(merge);
    return merge;
  }

  private <V, KOut> GraphNode addInput(Input<K, V, VOut> input, String name, boolean ownsStore,
      String storeName, Function<BuildContext, StoreBuilder<?>> store,
      List<SendsOldValues> suppliers, long graceMs, long sizeMs,
      PerInput<K, KOut, VOut> factory) {
    GraphNode parent = WindowedAggregation.input(input.input(), storeName, name);
    DropSpec drops = new DropSpec(name);
    ProcessorSupplier<K, V, KOut, Change<VOut>> supplier = factory.create(input.aggregator(),
        drops);
    if (supplier instanceof SendsOldValues sends) {
      suppliers.add(sends);
    }
    StoreProcessorNode<K, V, KOut, Change<VOut>> node = new StoreProcessorNode<>(name,
        List.of(parent), supplier, ownsStore ? List.of(store) : List.of(),
        ownsStore ? List.of() : List.of(storeName), graceMs, sizeMs);
    builder.add(node);
    builder.registerDropper(name, node, drops);
    return node;
  }
}
