package io.sluice.runtime.internals;

import io.sluice.processor.AutoOffsetReset;
import io.sluice.processor.TopologyException;
import io.sluice.runtime.StreamsException;
import io.sluice.runtime.internals.assignment.TopologyMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which {@link AutoOffsetReset} applies to each topic the main consumer reads: a repartition topic
 * always starts from the earliest offset; a topic named by a source, or matching a pattern source,
 * uses that source's {@link AutoOffsetReset} if it has one, else the application's {@code
 * auto.offset.reset}. Global stores are not covered: they always read their topics from the start.
 *
 * <p>Conflicts the topology shows are rejected when this is built (a named topic that a pattern
 * source with another policy also matches; a repartition topic given a policy other than
 * earliest); a topic that only the cluster reveals to match two patterns with different policies
 * is rejected when it is looked up. One instance per stream thread: the lookup cache is not
 * synchronised.
 */
public final class OffsetResetPolicies {
  private static final Logger LOG = LoggerFactory.getLogger(OffsetResetPolicies.class);

  /** A pattern source with its effective policy. */
  private record PatternPolicy(String source, Pattern pattern, AutoOffsetReset policy) {}

  private final AutoOffsetReset fallback;
  private final Set<String> internalTopics;
  private final Map<String, AutoOffsetReset> named = new HashMap<>();
  private final Map<String, String> sourceOfNamed = new HashMap<>();
  private final List<PatternPolicy> patterns = new ArrayList<>();
  private final Map<String, AutoOffsetReset> resolved = new HashMap<>();

  private OffsetResetPolicies(AutoOffsetReset fallback, Set<String> internalTopics) {
    this.fallback = fallback;
    this.internalTopics = internalTopics;
  }

  /**
   * The policies of {@code topology}'s sources.
   *
   * @param fallback the application's {@code auto.offset.reset}, for sources without a policy
   * @throws TopologyException if the topology gives one topic two policies, or a repartition topic
   *     a policy other than earliest; the message names the topic and the sources
   */
  static OffsetResetPolicies of(TopologyMetadata topology, AutoOffsetReset fallback) {
    Objects.requireNonNull(fallback, "fallback");
    InternalTopologyBuilder builder = topology.builder();
    OffsetResetPolicies policies =
        new OffsetResetPolicies(fallback, topology.repartitionTopics().keySet());
    for (InternalTopologyBuilder.SubtopologyDef sub : builder.subtopologies()) {
      for (NodeDef.Source source : sub.sources()) {
        policies.add(source);
      }
    }
    policies.checkNamedAgainstPatterns();
    return policies;
  }

  /**
   * One warning per global store source that asks for an offset reset other than earliest, which
   * is ignored (a global store always reads its topic from the beginning); logged once per
   * application, by {@link #validate}.
   */
  static List<String> ignoredGlobalPolicies(InternalTopologyBuilder builder) {
    List<String> warnings = new ArrayList<>();
    for (InternalTopologyBuilder.GlobalStoreDef global : builder.globalStores()) {
      AutoOffsetReset ignored = global.source().options().offsetReset();
      if (ignored != null && !AutoOffsetReset.EARLIEST.equals(ignored)) {
        warnings.add("Source '" + global.source().name() + "' of global store '"
            + global.builder().name() + "' asks for offset reset " + ignored + ", which is"
            + " ignored: a global store always reads its topic " + global.source().topics()
            + " from the beginning");
      }
    }
    return warnings;
  }

  /**
   * The policies of {@code topology}'s sources, falling back to the application's {@code
   * auto.offset.reset} as found in {@code mainConsumerConfig} ({@code earliest} if unset, as in
   * Kafka Streams). Sets that configuration's {@code auto.offset.reset} to {@code none}: the
   * consumer must report partitions without a valid offset, so {@link OffsetResetter} can apply
   * their topic's policy.
   *
   * @throws org.apache.kafka.common.config.ConfigException if {@code auto.offset.reset} is not a
   *     valid policy
   * @throws TopologyException as {@link #of}
   */
  static OffsetResetPolicies forMainConsumer(TopologyMetadata topology,
      Map<String, Object> mainConsumerConfig) {
    Object value = mainConsumerConfig.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);
    AutoOffsetReset fallback =
        value == null ? AutoOffsetReset.EARLIEST : AutoOffsetReset.parse(String.valueOf(value));
    OffsetResetPolicies policies = of(topology, fallback);
    mainConsumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    return policies;
  }

  /**
   * Checks, when an application is built, that {@code topology}'s sources give no topic two
   * policies, with {@code auto.offset.reset} taken from {@code mainConsumerConfig}; a copy of the
   * configuration is used, so it is left as it is. Logs a warning for each global store source
   * whose offset reset is ignored (only here, so once per application, not once per thread).
   *
   * @throws TopologyException as {@link #of}
   * @throws org.apache.kafka.common.config.ConfigException if {@code auto.offset.reset} is not a
   *     valid policy
   */
  public static void validate(TopologyMetadata topology, Map<String, Object> mainConsumerConfig) {
    forMainConsumer(topology, new java.util.HashMap<>(mainConsumerConfig));
    ignoredGlobalPolicies(topology.builder()).forEach(LOG::warn);
  }

  private void add(NodeDef.Source source) {
    AutoOffsetReset explicit = source.options().offsetReset();
    AutoOffsetReset policy = explicit == null ? fallback : explicit;
    for (String topic : source.topics()) {
      if (internalTopics.contains(topic)) {
        if (explicit != null && !AutoOffsetReset.EARLIEST.equals(explicit)) {
          throw new TopologyException("Source '" + source.name() + "' reads repartition topic '"
              + topic + "' with offset reset " + explicit + ", but a repartition topic is always"
              + " read from the earliest offset (nothing in it may be skipped); remove the"
              + " policy or set it to EARLIEST");
        }
        continue;
      }
      named.put(topic, policy);
      sourceOfNamed.put(topic, source.name());
    }
    if (source.pattern() != null) {
      for (PatternPolicy other : patterns) {
        if (other.pattern().pattern().equals(source.pattern().pattern())
            && !other.policy().equals(policy)) {
          throw conflict("pattern " + source.pattern().pattern(), source.name(), policy,
              "source '" + other.source() + "'", other.policy());
        }
      }
      patterns.add(new PatternPolicy(source.name(), source.pattern(), policy));
    }
  }

  private void checkNamedAgainstPatterns() {
    named.forEach((topic, policy) -> {
      for (PatternPolicy pattern : patterns) {
        if (pattern.pattern().matcher(topic).matches() && !pattern.policy().equals(policy)) {
          throw conflict("topic '" + topic + "'", sourceOfNamed.get(topic), policy,
              "pattern source '" + pattern.source() + "' (" + pattern.pattern().pattern() + ")",
              pattern.policy());
        }
      }
    });
  }

  private static TopologyException conflict(String what, String source, AutoOffsetReset policy,
      String other, AutoOffsetReset otherPolicy) {
    return new TopologyException("The offset reset policy of " + what + " is ambiguous: source '"
        + source + "' reads it with " + policy + " and " + other + " with " + otherPolicy
        + "; give both sources the same policy, or make the pattern exclude the topic");
  }

  /**
   * The policy for a partition of {@code topic} without a valid committed offset.
   *
   * @throws StreamsException if the topic matches pattern sources with different policies
   */
  AutoOffsetReset policyFor(String topic) {
    AutoOffsetReset known = resolved.get(topic);
    if (known == null) {
      known = resolve(topic);
      resolved.put(topic, known);
    }
    return known;
  }

  private AutoOffsetReset resolve(String topic) {
    if (internalTopics.contains(topic)) {
      return AutoOffsetReset.EARLIEST;
    }
    AutoOffsetReset policy = named.get(topic);
    if (policy != null) {
      return policy;
    }
    Map<String, AutoOffsetReset> matching = new LinkedHashMap<>();
    for (PatternPolicy pattern : patterns) {
      if (pattern.pattern().matcher(topic).matches()) {
        matching.put(pattern.source() + " (pattern " + pattern.pattern().pattern() + ")",
            pattern.policy());
      }
    }
    if (Set.copyOf(matching.values()).size() > 1) {
      throw new StreamsException("Topic '" + topic + "' matches pattern sources with different"
          + " offset reset policies: " + matching + "; give those sources the same policy, or"
          + " make their patterns exclusive");
    }
    return matching.isEmpty() ? fallback : matching.values().iterator().next();
  }
}
