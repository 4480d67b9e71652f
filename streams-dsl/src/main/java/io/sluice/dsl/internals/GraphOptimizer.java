package io.sluice.dsl.internals;

import io.sluice.processor.Topology;
import io.sluice.processor.TopologyException;
import io.sluice.runtime.StreamsConfig;

/**
 * {@value StreamsConfig#TOPOLOGY_OPTIMIZATION}: {@value StreamsConfig#OPTIMIZE} applies both
 * optimizations, {@value StreamsConfig#NO_OPTIMIZATION} (the default) none:
 *
 * <ul>
 *   <li>{@link RepartitionMerger}: one repartition topic per key change, a rewrite of the logical
 *       graph before it is written (in place: the builder keeps the merged graph);
 *   <li>{@link SourceTableChangelogs}: a source table's topic is its store's changelog, applied to
 *       the written topology.
 * </ul>
 */
final class GraphOptimizer {
  private GraphOptimizer() {}

  /** Rewrites the graph before it is written. */
  static void optimize(InternalStreamsBuilder builder, BuildContext context) {
    if (enabled(context)) {
      RepartitionMerger.merge(builder);
    }
  }

  /** Adjusts the written topology. */
  static void afterWrite(InternalStreamsBuilder builder, Topology topology, BuildContext context) {
    if (enabled(context)) {
      SourceTableChangelogs.apply(builder, topology);
    }
  }

  /**
   * @return whether the settings ask for the optimizations
   * @throws TopologyException on a value other than {@code all} or {@code none}
   */
  static boolean enabled(BuildContext context) {
    Object value = context.config(StreamsConfig.TOPOLOGY_OPTIMIZATION);
    String text = value == null ? StreamsConfig.NO_OPTIMIZATION : value.toString().trim();
    if (text.equals(StreamsConfig.OPTIMIZE)) {
      return true;
    }
    if (text.equals(StreamsConfig.NO_OPTIMIZATION)) {
      return false;
    }
    throw new TopologyException("Invalid value '" + value + "' for "
        + StreamsConfig.TOPOLOGY_OPTIMIZATION + "; use " + StreamsConfig.OPTIMIZE + " or "
        + StreamsConfig.NO_OPTIMIZATION);
  }
}
