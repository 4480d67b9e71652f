package io.sluice.runtime.internals.assignment;

import static io.sluice.runtime.internals.assignment.Topologies.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.internals.ManualTime;
import io.sluice.runtime.internals.assignment.InternalTopicManager.TopicSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class InternalTopicManagerTest {
  private final FakeTopicAdmin admin = new FakeTopicAdmin();
  private final ManualTime time = new ManualTime(1_000);

  private InternalTopicManager manager(Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>(Map.of(StreamsConfig.APPLICATION_ID, "app",
        StreamsConfig.BOOTSTRAP_SERVERS, "localhost:9092"));
    props.putAll(extra);
    return new InternalTopicManager(admin, new StreamsConfig(props), time, Duration.ofSeconds(5));
  }

  private Map<String, TopicSpec> wordCountSpecs(InternalTopicManager manager) {
    TopologyMetadata metadata = TopologyMetadata.of(Topologies.wordCount(), "app");
    return manager.specs(metadata, metadata.layout(cluster(Map.of("input", 4))));
  }

  @Test
  void createsChangelogsAndRepartitionTopicsWithTheirConfigs() {
    InternalTopicManager manager = manager(Map.of("topic.segment.bytes", "1000",
        "topic.cleanup.policy", "compact", StreamsConfig.REPLICATION_FACTOR, 3));
    Map<String, TopicSpec> specs = wordCountSpecs(manager);
    manager.makeReady(specs);

    assertThat(admin.topics).isEqualTo(Map.of("app-counts-changelog", 4,
        "app-count-repartition", 4));
    assertThat(admin.configs.get("app-count-repartition")).containsEntry("cleanup.policy",
        "delete").containsEntry("retention.ms", "-1").containsEntry("segment.bytes", "1000");
    assertThat(admin.configs.get("app-counts-changelog")).containsEntry("segment.bytes", "1000")
        .containsEntry("message.timestamp.type", "CreateTime");
    assertThat(admin.replication).containsEntry("app-counts-changelog", (short) 3);
  }

  @Test
  void theBrokerDefaultReplicationIsUsedForMinusOne() {
    InternalTopicManager manager = manager(Map.of());
    manager.makeReady(wordCountSpecs(manager));
    assertThat(admin.replication.get("app-count-repartition")).isEqualTo((short) -1);
  }

  @Test
  void existingTopicsWithTheRightCountAreLeftAlone() {
    admin.topics.put("app-counts-changelog", 4);
    admin.topics.put("app-count-repartition", 4);
    InternalTopicManager manager = manager(Map.of());
    manager.makeReady(wordCountSpecs(manager));
    assertThat(admin.createCalls).isEmpty();
  }

  @Test
  void aWrongPartitionCountIsAnErrorNamingTheTopic() {
    admin.topics.put("app-counts-changelog", 2);
    InternalTopicManager manager = manager(Map.of());
    assertThatThrownBy(() -> manager.makeReady(wordCountSpecs(manager)))
        .isInstanceOfSatisfying(AssignmentException.class, e -> assertThat(e.errorCode())
            .isEqualTo(AssignmentInfo.ERROR_INTERNAL_TOPIC))
        .hasMessageContaining("app-counts-changelog has 2 partitions")
        .hasMessageContaining("needs 4");
  }

  @Test
  void aCreationRaceIsToleratedAndTheWinnersTopicValidated() {
    admin.createdByOthers.put("app-count-repartition", 4);
    InternalTopicManager manager = manager(Map.of());
    manager.makeReady(wordCountSpecs(manager));
    assertThat(admin.topics).containsEntry("app-count-repartition", 4);

    FakeTopicAdmin other = new FakeTopicAdmin();
    other.createdByOthers.put("app-count-repartition", 7);
    InternalTopicManager racing = new InternalTopicManager(other, new StreamsConfig(Map.of(
        StreamsConfig.APPLICATION_ID, "app", StreamsConfig.BOOTSTRAP_SERVERS, "b:9092")), time,
        Duration.ofSeconds(5));
    assertThatThrownBy(() -> racing.makeReady(wordCountSpecs(racing)))
        .isInstanceOf(AssignmentException.class).hasMessageContaining("has 7 partitions");
  }

  @Test
  void createdTopicsAreAwaitedInTheMetadata() {
    admin.invisibleDescribes = 3;
    InternalTopicManager manager = manager(Map.of());
    long start = time.milliseconds();
    manager.makeReady(wordCountSpecs(manager));
    assertThat(time.milliseconds() - start).isEqualTo(300);

    FakeTopicAdmin slow = new FakeTopicAdmin();
    slow.invisibleDescribes = Integer.MAX_VALUE;
    InternalTopicManager waiting = new InternalTopicManager(slow, new StreamsConfig(Map.of(
        StreamsConfig.APPLICATION_ID, "app", StreamsConfig.BOOTSTRAP_SERVERS, "b:9092")), time,
        Duration.ofSeconds(1));
    assertThatThrownBy(() -> waiting.makeReady(wordCountSpecs(waiting)))
        .isInstanceOf(TimeoutException.class).hasMessageContaining("app-count-repartition");
  }

  @Test
  void aFailedCreationIsAnErrorNamingTheTopic() {
    admin.createFailure = new PolicyViolationException("no topics for you");
    InternalTopicManager manager = manager(Map.of());
    assertThatThrownBy(() -> manager.makeReady(wordCountSpecs(manager)))
        .isInstanceOf(AssignmentException.class)
        .hasMessageContaining("Cannot create internal topic app-count")
        .hasMessageContaining("no topics for you");
  }
}
