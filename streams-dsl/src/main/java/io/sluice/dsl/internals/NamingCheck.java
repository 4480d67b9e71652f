package io.sluice.dsl.internals;

import io.sluice.processor.Topology;
import io.sluice.processor.TopologyDescription;
import io.sluice.processor.TopologyException;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.internals.InternalTopologyBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the state-bearing parts of a written topology whose names were generated from the
 * builder's counter: state stores (and so their changelog topics), with the stateful operators
 * using them, and internal topics (repartition, foreign-key join). Such a name shifts when an
 * operator is added upstream, and the application then silently starts from an empty store or
 * topic. One WARN line names them all; with
 * {@value StreamsConfig#ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING}{@code =true} the build fails
 * with the same list instead.
 */
final class NamingCheck {
  private static final Logger LOG = LoggerFactory.getLogger(NamingCheck.class);
  /** A generated name: an upper-case operator prefix and a ten-digit counter value. */
  private static final Pattern GENERATED = Pattern.compile("[A-Z]+(-[A-Z]+)*-[0-9]{10}");

  private NamingCheck() {}

  /** @return whether {@code name} contains a counter-generated part */
  static boolean generated(String name) {
    return GENERATED.matcher(name).find();
  }

  /**
   * Warns about, or rejects, generated names in {@code topology}.
   *
   * @param topology the written topology
   * @param context the build settings
   * @throws TopologyException listing the names when explicit naming is required
   */
  static void check(Topology topology, BuildContext context) {
    List<String> unnamed = unnamed(topology);
    if (unnamed.isEmpty()) {
      return;
    }
    if (required(context)) {
      throw new TopologyException(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING
          + "=true but these have generated names: " + String.join("; ", unnamed)
          + ". Name stateful operators with Named, stores with Materialized.as, and internal"
          + " topics with Grouped.as, Repartitioned.as, StreamJoined.withName or the operator's"
          + " Named, or set " + StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING + "=false");
    }
    LOG.warn("Generated names shift when an operator is added upstream, and the state under the"
        + " old name is then silently orphaned. Unnamed: {}. Name them (Named, Materialized.as,"
        + " Grouped.as, Repartitioned.as, StreamJoined.withName), or set {}=true to make this an"
        + " error.", String.join("; ", unnamed),
        StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING);
  }

  /**
   * @return one description per generated store name (naming the stateful operators using it) and
   *     per generated internal topic name
   */
  static List<String> unnamed(Topology topology) {
    Map<String, List<String>> stores = new LinkedHashMap<>();
    TopologyDescription description = topology.describe();
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        for (String store : stores(node)) {
          stores.computeIfAbsent(store, s -> new ArrayList<>()).add(node.name());
        }
      }
    }
    for (TopologyDescription.GlobalStore global : description.globalStores()) {
      stores.computeIfAbsent(global.storeName(), s -> new ArrayList<>()).add(global.processor());
    }
    List<String> found = new ArrayList<>();
    stores.forEach((store, operators) -> {
      if (generated(store)) {
        found.add("store '" + store + "' of stateful operator"
            + (operators.size() == 1 ? " '" + operators.get(0) + "'" : "s " + operators));
      }
    });
    for (String topic : InternalTopologyBuilder.of(topology).internalTopics().keySet()) {
      if (generated(topic)) {
        found.add("internal topic '" + topic + "'");
      }
    }
    return found;
  }

  /** @return the stores of a described processor, or none for another node or {@code null} */
  static List<String> stores(TopologyDescription.Node node) {
    if (node == null) {
      return List.of();
    }
    String detail = node.detail();
    if (node.kind() != TopologyDescription.Kind.PROCESSOR || !detail.startsWith("stores: [")
        || detail.equals("stores: []")) {
      return List.of();
    }
    return List.of(detail.substring("stores: [".length(), detail.length() - 1).split(", "));
  }

  private static boolean required(BuildContext context) {
    Object value = context.config(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING);
    if (value == null) {
      return false;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new TopologyException("Invalid value '" + value + "' for "
        + StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING + "; use true or false");
  }
}
