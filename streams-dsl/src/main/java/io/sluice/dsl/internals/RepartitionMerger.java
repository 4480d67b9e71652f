package io.sluice.dsl.internals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optimization: merges the repartition topics that several key-based operators put behind the
 * same stream after one key change ({@code rekeyed.groupByKey().count();
 * rekeyed.groupByKey().reduce(...)}): each such operator reads the same records through its own
 * null-key filter and topic, so one filter and one topic serve them all. The first topic (its
 * name, partition count and serdes) is kept; the null-key filter then reports a dropped record
 * for each operator it feeds, and their dropped-records side outputs read it.
 *
 * <p>A repartition is a candidate when it partitions the default way (by key, upstream partition
 * count) and its node's only parent is a registered null-key filter (named {@code
 * <topic>-filter}, or generated) whose other children are side outputs.
 */
final class RepartitionMerger {
  private record Repartition(GraphNode filter, RepartitionNode<?, ?> topic) {}

  private RepartitionMerger() {}

  /**
   * @param builder the graph, rewritten in place
   * @return the number of repartition topics removed
   */
  static int merge(InternalStreamsBuilder builder) {
    Map<GraphNode, List<Repartition>> byInput = new LinkedHashMap<>();
    for (GraphNode node : builder.nodes()) {
      if (node instanceof RepartitionNode<?, ?> topic && topic.parents().size() == 1
          && topic.defaultPartitioning()) {
        GraphNode filter = topic.parents().get(0);
        if (isNullKeyFilter(builder, filter, topic)) {
          GraphNode input = filter.parents().get(0);
          byInput.computeIfAbsent(input, n -> new ArrayList<>())
              .add(new Repartition(filter, topic));
        }
      }
    }
    int removed = 0;
    for (Map.Entry<GraphNode, List<Repartition>> group : byInput.entrySet()) {
      if (group.getValue().size() > 1) {
        mergeGroup(builder, group.getKey(), group.getValue());
        removed += group.getValue().size() - 1;
      }
    }
    return removed;
  }

  private static void mergeGroup(
      InternalStreamsBuilder builder, GraphNode input, List<Repartition> group) {
    List<DropSpec> specs = new ArrayList<>();
    for (Repartition r : group) {
      specs.addAll(builder.droppers().specsOf(r.filter()));
    }
    Repartition kept = group.get(0);
    GraphNode filter = new ProcessorNode<>(kept.filter().name(), false, List.of(input),
        new MergedRepartitionFilter<Object, Object>(specs), List.of());
    builder.replaceNode(kept.filter(), filter);
    for (Repartition r : group.subList(1, group.size())) {
      for (GraphNode child : List.copyOf(r.topic().children())) {
        child.replaceParent(r.topic(), kept.topic());
      }
      builder.removeNode(r.topic());
      builder.droppers().moveDroppers(r.filter(), filter);
      builder.removeNode(r.filter());
    }
  }

  private static boolean isNullKeyFilter(
      InternalStreamsBuilder builder, GraphNode filter, RepartitionNode<?, ?> topic) {
    if (!(filter instanceof ProcessorNode<?, ?, ?, ?>) || filter.parents().size() != 1
        || builder.droppers().specsOf(filter).isEmpty()) {
      return false;
    }
    boolean named = filter.name().equals(topic.topic() + "-filter")
        || (filter.name().startsWith(KStreamImpl.FILTER) && NamingCheck.generated(filter.name()));
    if (!named) {
      return false;
    }
    for (GraphNode child : filter.children()) {
      if (child != topic && !(child instanceof DroppedRecordsNode)) {
        return false;
      }
    }
    return true;
  }
}
