package io.sluice.dsl.internals;

import io.sluice.dsl.EmitStrategy;
import io.sluice.dsl.Named;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.state.StoreBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Helpers shared by the windowed aggregations' declarations: names, retention, stores, drops. */
final class WindowedAggregation {
  static final String AGGREGATE = "KSTREAM-AGGREGATE-";
  static final String REDUCE = "KSTREAM-REDUCE-";

  private WindowedAggregation() {}

  /** @return the explicit name, or {@code null} */
  static String explicit(Named named) {
    return named == null ? null : named.name();
  }

  /**
   * @param input the grouped stream
   * @param storeName the aggregation's store, which names a repartition topic without a
   *     {@code Grouped} name (as in Kafka Streams)
   * @param name the aggregation's processor name
   * @return the node the aggregation reads
   */
  static GraphNode input(GroupedInput<?, ?> input, String storeName, String name) {
    return input instanceof KGroupedStreamImpl<?, ?> grouped ? grouped.input(storeName, name)
        : input.input(name);
  }

  /**
   * @param given the user's retention, or {@code null}
   * @param minimumMs window size (or gap) plus grace
   * @param storeName the store, for the message
   * @return the retention to use, milliseconds
   * @throws IllegalArgumentException if the given retention is below the minimum
   */
  static long retention(Duration given, long minimumMs, String storeName) {
    if (given == null) {
      return minimumMs;
    }
    long ms = given.toMillis();
    if (ms < minimumMs) {
      throw new IllegalArgumentException("Retention of window store '" + storeName + "' is "
          + ms + " ms, below window size (or gap) plus grace, " + minimumMs + " ms: windows"
          + " would be dropped before they close; use Materialized.withRetention of at least "
          + minimumMs + " ms");
    }
    return ms;
  }

  /**
   * Checks a retention given for a sliding-window store: a record's right window starts after it,
   * so windows up to two time differences plus grace behind stream time must still be kept (Kafka
   * Streams rejects less at build time too).
   *
   * @param givenMs the retention of {@code Materialized.withRetention} or of the store supplier, ms
   * @param differenceMs the windows' time difference, ms
   * @param graceMs the windows' grace period, ms
   * @param storeName the store, for the message
   * @param source where the retention came from, for the message
   * @throws IllegalArgumentException if {@code givenMs} is below {@code 2 * differenceMs +
   *     graceMs}
   */
  static void requireSlidingRetention(long givenMs, long differenceMs, long graceMs,
      String storeName, String source) {
    long minimumMs = 2 * differenceMs + graceMs;
    if (givenMs < minimumMs) {
      throw new IllegalArgumentException("Retention of sliding-window store '" + storeName
          + "' (" + source + ") is " + givenMs + " ms, below 2 * time difference (" + differenceMs
          + " ms) plus grace (" + graceMs + " ms) = " + minimumMs + " ms: final results would be"
          + " lost; give a retention of at least " + minimumMs + " ms");
    }
  }

  /**
   * Adds the aggregation's node, with its store and, for emit-on-close, its marker store, and
   * registers its drop spec.
   *
   * @return the node
   */
  static <KIn, VIn, KOut, VOut> StoreProcessorNode<KIn, VIn, KOut, VOut> add(
      InternalStreamsBuilder builder, String name, GraphNode parent,
      ProcessorSupplier<KIn, VIn, KOut, VOut> supplier,
      Function<BuildContext, StoreBuilder<?>> store, String storeName, EmitStrategy emit,
      DropSpec drops, long graceMs, long sizeMs) {
    List<Function<BuildContext, StoreBuilder<?>>> stores = new ArrayList<>();
    stores.add(store);
    if (emit == EmitStrategy.ON_WINDOW_CLOSE) {
      stores.add(context -> EmitMarker.storeBuilder(storeName));
    }
    StoreProcessorNode<KIn, VIn, KOut, VOut> node = new StoreProcessorNode<>(name,
        List.of(parent), supplier, stores, List.of(), graceMs, sizeMs);
    builder.add(node);
    builder.registerDropper(name, node, drops);
    return node;
  }
}
