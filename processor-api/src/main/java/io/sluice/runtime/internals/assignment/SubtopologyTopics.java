package io.sluice.runtime.internals.assignment;

import io.sluice.runtime.internals.InternalTopologyBuilder;
import io.sluice.runtime.internals.InternalTopologyBuilder.SubtopologyView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The topics of one sub-topology, as the assignor needs them.
 *
 * @param id the sub-topology id, the first part of its task ids
 * @param sourceTopics the topics its sources name (full names)
 * @param sourcePatterns the patterns of its pattern sources
 * @param sinkTopics the fixed topics its sinks write (extractor sinks are not known)
 * @param loggedStores its stores with logging enabled (each has a changelog topic)
 * @param sourceChangelogTopics source topics that serve as a store's changelog
 * @param copartitionGroups sets of named source topics whose sources reach a common store, so
 *     partition {@code i} of each must hold the same keys (pattern sources are not included)
 */
public record SubtopologyTopics(int id, Set<String> sourceTopics, List<Pattern> sourcePatterns,
    Set<String> sinkTopics, Set<String> loggedStores, Set<String> sourceChangelogTopics,
    List<Set<String>> copartitionGroups) {

  /** Wraps the collections unmodifiable, keeping their order. */
  public SubtopologyTopics {
    sourceTopics = Collections.unmodifiableSet(new LinkedHashSet<>(sourceTopics));
    sourcePatterns = List.copyOf(sourcePatterns);
    sinkTopics = Collections.unmodifiableSet(new LinkedHashSet<>(sinkTopics));
    loggedStores = Collections.unmodifiableSet(new LinkedHashSet<>(loggedStores));
    sourceChangelogTopics = Collections.unmodifiableSet(
        new LinkedHashSet<>(sourceChangelogTopics));
    copartitionGroups = List.copyOf(copartitionGroups);
  }

  /** @return the sub-topologies of {@code builder}, in id order */
  static List<SubtopologyTopics> of(InternalTopologyBuilder builder) {
    List<SubtopologyTopics> result = new ArrayList<>();
    for (SubtopologyView view : builder.subtopologyViews()) {
      Set<String> topics = new LinkedHashSet<>();
      view.sourceTopics().values().forEach(topics::addAll);
      Set<String> fromSources = new LinkedHashSet<>();
      builder.sourceChangelogs().forEach((store, changelog) -> {
        if (view.stores().contains(store)) {
          fromSources.add(changelog.topic());
        }
      });
      result.add(new SubtopologyTopics(view.id(), topics,
          new ArrayList<>(view.sourcePatterns().values()), view.sinkTopics(),
          view.loggedStores(), fromSources, copartitionGroups(view)));
    }
    return result;
  }

  /** Merges the topics of sources that reach a common store; keeps groups of two or more. */
  private static List<Set<String>> copartitionGroups(SubtopologyView view) {
    List<Set<String>> storeGroups = new ArrayList<>();
    List<Set<String>> topicGroups = new ArrayList<>();
    for (Map.Entry<String, Set<String>> source : view.storesReached().entrySet()) {
      if (source.getValue().isEmpty()) {
        continue;
      }
      Set<String> stores = new LinkedHashSet<>(source.getValue());
      Set<String> topics = new LinkedHashSet<>(view.sourceTopics().get(source.getKey()));
      for (int i = storeGroups.size() - 1; i >= 0; i--) {
        if (!Collections.disjoint(storeGroups.get(i), stores)) {
          stores.addAll(storeGroups.remove(i));
          topics.addAll(topicGroups.remove(i));
        }
      }
      storeGroups.add(stores);
      topicGroups.add(topics);
    }
    return topicGroups.stream().filter(group -> group.size() > 1).map(Set::copyOf).toList();
  }
}
