package io.sluice.runtime.internals.assignment;

import io.sluice.processor.Topology;
import io.sluice.runtime.internals.InternalTopologyBuilder;
import io.sluice.runtime.internals.ProcessorStateManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.Cluster;

/**
 * What the assignor knows about a topology before it sees the cluster: per sub-topology its
 * source topics and patterns, sink topics, changelog topics and co-partition groups, and the
 * repartition topics with their declared partition counts. {@link #layout(Cluster)} adds the
 * cluster's partition counts and yields the tasks.
 *
 * <p>Immutable and safe to share between the threads of an instance.
 */
public final class TopologyMetadata {
  private final String applicationId;
  private final InternalTopologyBuilder builder;
  private final List<SubtopologyTopics> subtopologies;
  private final Map<String, Integer> repartitionTopics;

  private TopologyMetadata(String applicationId, InternalTopologyBuilder builder) {
    this.applicationId = applicationId;
    this.builder = builder;
    this.subtopologies = SubtopologyTopics.of(builder);
    this.repartitionTopics = Collections.unmodifiableMap(new LinkedHashMap<>(
        builder.internalTopics()));
  }

  /**
   * The metadata of {@code topology} with its internal topics named for {@code applicationId}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static TopologyMetadata of(Topology topology, String applicationId) {
    return of(InternalTopologyBuilder.of(topology), applicationId);
  }

  /**
   * The metadata of {@code builder}, resolved for {@code applicationId} if it is not yet.
   *
   * @throws IllegalArgumentException if {@code builder} was resolved for another application id
   * @throws NullPointerException if an argument is null
   */
  public static TopologyMetadata of(InternalTopologyBuilder builder, String applicationId) {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(applicationId, "applicationId");
    String resolved = builder.resolvedApplicationId();
    if (resolved != null && !resolved.equals(applicationId)) {
      throw new IllegalArgumentException("the topology was resolved for application id '"
          + resolved + "', not '" + applicationId + "'; resolve it once, for the running app");
    }
    return new TopologyMetadata(applicationId, builder.resolvedFor(applicationId));
  }

  /** @return the application id the internal topics are named for */
  public String applicationId() {
    return applicationId;
  }

  /** @return the topology definitions with internal topics named in full */
  public InternalTopologyBuilder builder() {
    return builder;
  }

  /** @return the non-global sub-topologies, in id order */
  public List<SubtopologyTopics> subtopologies() {
    return subtopologies;
  }

  /** @return the sub-topology with id {@code id} */
  public SubtopologyTopics subtopology(int id) {
    if (id < 0 || id >= subtopologies.size()) {
      throw new IllegalArgumentException("no sub-topology " + id + "; ids are 0 to "
          + (subtopologies.size() - 1));
    }
    return subtopologies.get(id);
  }

  /** @return repartition topics (full names) with their declared partition count or -1 */
  public Map<String, Integer> repartitionTopics() {
    return repartitionTopics;
  }

  /** @return every named source topic of every sub-topology, repartition topics included */
  public Set<String> sourceTopics() {
    Set<String> topics = new TreeSet<>();
    subtopologies.forEach(sub -> topics.addAll(sub.sourceTopics()));
    return Collections.unmodifiableSet(topics);
  }

  /** @return true if some source reads the topics matching a pattern */
  public boolean hasPatternSources() {
    return subtopologies.stream().anyMatch(sub -> !sub.sourcePatterns().isEmpty());
  }

  /**
   * One pattern matching every source topic, named or by pattern, for a consumer's {@code
   * subscribe(Pattern)}; use it when {@link #hasPatternSources()} is true.
   */
  public Pattern subscriptionPattern() {
    List<String> parts = new ArrayList<>();
    sourceTopics().forEach(topic -> parts.add(Pattern.quote(topic)));
    subtopologies.forEach(sub -> sub.sourcePatterns().forEach(p -> parts.add(p.pattern())));
    return Pattern.compile(parts.stream().map(p -> "(?:" + p + ")")
        .collect(Collectors.joining("|")));
  }

  /** @return the changelog topics of the logged stores of sub-topology {@code id} */
  public Set<String> changelogTopics(int id) {
    Set<String> topics = new LinkedHashSet<>();
    subtopology(id).loggedStores()
        .forEach(store -> topics.add(ProcessorStateManager.changelogTopic(applicationId, store)));
    return Collections.unmodifiableSet(topics);
  }

  /**
   * @return true if {@code topic} is an internal topic of this application (a repartition topic
   *     or a store changelog), which pattern sources never match
   */
  public boolean isInternalTopic(String topic) {
    return repartitionTopics.containsKey(topic)
        || (topic.startsWith(applicationId + "-") && topic.endsWith("-changelog"));
  }

  /**
   * Resolves partition counts and tasks against the cluster's metadata.
   *
   * @throws AssignmentException if a source topic is missing, co-partitioned topics differ in
   *     size, or a repartition topic's count cannot be determined
   */
  public TaskLayout layout(Cluster cluster) {
    Objects.requireNonNull(cluster, "cluster");
    return new TaskLayoutBuilder(this, cluster::partitionCountForTopic, cluster.topics()).build();
  }
}
