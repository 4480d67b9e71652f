package io.sluice.runtime.internals.assignment;

import static io.sluice.runtime.internals.assignment.Topologies.DE;
import static io.sluice.runtime.internals.assignment.Topologies.SER;
import static io.sluice.runtime.internals.assignment.Topologies.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.SourceOptions;
import io.sluice.processor.Topology;
import io.sluice.runtime.internals.InternalTopologyBuilder;
import io.sluice.state.TaskId;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class TopologyMetadataTest {

  @Test
  void wordCountHasRepartitionTopicSizedLikeItsUpstreamAndAChangelogPerTask() {
    TopologyMetadata metadata = TopologyMetadata.of(Topologies.wordCount(), "app");
    assertThat(metadata.sourceTopics()).containsExactly("app-count-repartition", "input");
    assertThat(metadata.repartitionTopics()).isEqualTo(Map.of("app-count-repartition", -1));
    assertThat(metadata.changelogTopics(1)).containsExactly("app-counts-changelog");
    assertThat(metadata.changelogTopics(0)).isEmpty();

    TaskLayout layout = metadata.layout(cluster(Map.of("input", 6, "output", 1)));

    assertThat(layout.partitionCounts())
        .isEqualTo(Map.of("input", 6, "app-count-repartition", 6));
    assertThat(layout.tasks()).hasSize(12);
    assertThat(layout.tasks().get(new TaskId(0, 4)))
        .containsExactly(new TopicPartition("input", 4));
    assertThat(layout.tasks().get(new TaskId(1, 5)))
        .containsExactly(new TopicPartition("app-count-repartition", 5));
    assertThat(layout.changelogsOf(new TaskId(1, 2)))
        .containsExactly(new TopicPartition("app-counts-changelog", 2));
    assertThat(layout.changelogsOf(new TaskId(0, 2))).isEmpty();
    assertThat(layout.changelogPartitionCounts()).isEqualTo(Map.of("app-counts-changelog", 6));
    assertThat(layout.taskOf(new TopicPartition("input", 3))).isEqualTo(new TaskId(0, 3));
  }

  @Test
  void aMissingSourceTopicIsAnErrorNamingIt() {
    TopologyMetadata metadata = TopologyMetadata.of(Topologies.wordCount(), "app");
    assertThatThrownBy(() -> metadata.layout(cluster(Map.of("other", 2))))
        .isInstanceOfSatisfying(AssignmentException.class, e -> assertThat(e.errorCode())
            .isEqualTo(AssignmentInfo.ERROR_MISSING_SOURCE_TOPIC))
        .hasMessageContaining("Source topic input").hasMessageContaining("create it");
  }

  @Test
  void coPartitionedSourcesMustHaveEqualCounts() {
    TopologyMetadata metadata = TopologyMetadata.of(Topologies.join("left", "right"), "app");
    assertThat(metadata.subtopology(0).copartitionGroups()).containsExactly(
        Set.of("left", "right"));
    assertThat(metadata.layout(cluster(Map.of("left", 4, "right", 4))).tasks()).hasSize(4);
    assertThatThrownBy(() -> metadata.layout(cluster(Map.of("left", 3, "right", 4))))
        .isInstanceOfSatisfying(AssignmentException.class, e -> assertThat(e.errorCode())
            .isEqualTo(AssignmentInfo.ERROR_COPARTITIONING))
        .hasMessageContaining("left=3").hasMessageContaining("right=4")
        .hasMessageContaining("same number of partitions");
  }

  @Test
  void sourcesWithoutSharedStateNeedNoCopartitioningAndGetTasksForTheLargest() {
    Topology topology = new Topology().addSource("a", DE, DE, "a", "b")
        .addProcessor("p", Topologies::noop, "a");
    TaskLayout layout = TopologyMetadata.of(topology, "app")
        .layout(cluster(Map.of("a", 2, "b", 3)));
    assertThat(layout.tasks().keySet()).containsExactly(new TaskId(0, 0), new TaskId(0, 1),
        new TaskId(0, 2));
    assertThat(layout.tasks().get(new TaskId(0, 2))).containsExactly(new TopicPartition("b", 2));
  }

  @Test
  void aRepartitionTopicInACopartitionGroupAdoptsTheGroupsCount() {
    Topology topology = Topologies.join("left", "rekey-repartition")
        .addSource("wide", DE, DE, "wide")
        .addSink("to-rekey", "rekey-repartition", SER, SER, "wide");
    InternalTopologyBuilder.of(topology).addInternalTopic("rekey-repartition", -1);
    TaskLayout layout = TopologyMetadata.of(topology, "app")
        .layout(cluster(Map.of("left", 4, "wide", 8)));
    assertThat(layout.partitionCounts()).containsEntry("app-rekey-repartition", 4);
    assertThat(layout.sourceTopics().get(0)).containsExactly("left", "app-rekey-repartition");
    assertThat(layout.tasks().keySet().stream().filter(t -> t.subtopology() == 0)).hasSize(4);
    assertThat(layout.tasks().keySet().stream().filter(t -> t.subtopology() == 1)).hasSize(8);
  }

  @Test
  void aDeclaredRepartitionCountWinsButMustMatchItsCopartitionGroup() {
    Topology declared = Topologies.wordCount();
    InternalTopologyBuilder.of(declared).addInternalTopic("other-repartition", 5);
    declared.addSource("o", DE, DE, "other-repartition");
    assertThat(TopologyMetadata.of(declared, "app").layout(cluster(Map.of("input", 2)))
        .partitionCounts()).containsEntry("app-other-repartition", 5)
        .containsEntry("app-count-repartition", 2);

    Topology conflict = Topologies.join("left", "rekey-repartition")
        .addSource("wide", DE, DE, "wide")
        .addSink("to-rekey", "rekey-repartition", SER, SER, "wide");
    InternalTopologyBuilder.of(conflict).addInternalTopic("rekey-repartition", 6);
    assertThatThrownBy(() -> TopologyMetadata.of(conflict, "app")
        .layout(cluster(Map.of("left", 4, "wide", 8))))
        .isInstanceOf(AssignmentException.class)
        .hasMessageContaining("app-rekey-repartition=6").hasMessageContaining("left=4");
  }

  @Test
  void chainedRepartitionTopicsFollowTheirUpstreamToAFixedPoint() {
    Topology topology = new Topology()
        .addSource("s0", DE, DE, "input")
        .addSink("k0", "r1", SER, SER, "s0")
        .addSource("s1", DE, DE, "r1")
        .addSink("k1", "r2", SER, SER, "s1")
        .addSource("s2", DE, DE, "r2")
        .addProcessor("p2", Topologies::noop, "s2");
    InternalTopologyBuilder.of(topology).addInternalTopic("r2", -1);
    InternalTopologyBuilder.of(topology).addInternalTopic("r1", -1);
    TaskLayout layout = TopologyMetadata.of(topology, "app").layout(cluster(Map.of("input", 3)));
    assertThat(layout.partitionCounts()).containsEntry("app-r1", 3).containsEntry("app-r2", 3);
    assertThat(layout.tasks()).hasSize(9);
  }

  @Test
  void aRepartitionTopicNobodyWritesHasNoCount() {
    Topology topology = new Topology().addSource("s", DE, DE, "orphan-repartition");
    InternalTopologyBuilder.of(topology).addInternalTopic("orphan-repartition", -1);
    assertThatThrownBy(() -> TopologyMetadata.of(topology, "app").layout(cluster(Map.of())))
        .isInstanceOfSatisfying(AssignmentException.class, e -> assertThat(e.errorCode())
            .isEqualTo(AssignmentInfo.ERROR_INTERNAL_TOPIC))
        .hasMessageContaining("app-orphan-repartition").hasMessageContaining("declare its count");
  }

  @Test
  void patternSourcesMatchClusterTopicsButNeverInternalOnes() {
    Topology topology = new Topology()
        .addSource("p", SourceOptions.defaults(), DE, DE, Pattern.compile("in-.*|app-.*"))
        .addProcessor("x", Topologies::noop, "p")
        .addStateStore(io.sluice.state.Stores.keyValueStoreBuilder(
            io.sluice.state.Stores.inMemoryKeyValueStore("s"), null, null), "x");
    TopologyMetadata metadata = TopologyMetadata.of(topology, "app");
    assertThat(metadata.hasPatternSources()).isTrue();
    assertThat(metadata.subscriptionPattern().matcher("in-a").matches()).isTrue();
    assertThat(metadata.subscriptionPattern().matcher("xin-a").matches()).isFalse();
    TaskLayout layout = metadata.layout(cluster(Map.of("in-a", 2, "in-b", 3, "other", 7,
        "app-s-changelog", 3)));
    assertThat(layout.sourceTopics().get(0)).containsExactly("in-a", "in-b");
    assertThat(layout.tasks()).hasSize(3);
  }

  @Test
  void aSourceTopicServingAsChangelogIsATaskChangelogPartitionButNotCreated() {
    Topology topology = Topologies.join("left", "right");
    InternalTopologyBuilder.of(topology).useSourceTopicAsChangelog("joined", "left", r -> r);
    TopologyMetadata metadata = TopologyMetadata.of(topology, "app");
    assertThat(metadata.changelogTopics(0)).isEmpty();
    TaskLayout layout = metadata.layout(cluster(Map.of("left", 2, "right", 2)));
    assertThat(layout.changelogsOf(new TaskId(0, 1)))
        .containsExactly(new TopicPartition("left", 1));
    assertThat(layout.changelogPartitionCounts()).isEmpty();
  }

  @Test
  void aBuilderResolvedForAnotherApplicationIsRefused() {
    InternalTopologyBuilder resolved =
        InternalTopologyBuilder.of(Topologies.wordCount()).resolvedFor("one");
    assertThatThrownBy(() -> TopologyMetadata.of(resolved, "two"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'one'");
    assertThat(TopologyMetadata.of(resolved, "one").builder()).isSameAs(resolved);
  }
}
