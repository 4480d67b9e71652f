package io.sluice.runtime.internals.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.HostInfo;
import io.sluice.runtime.KeyQueryMetadata;
import io.sluice.runtime.StreamsMetadata;
import io.sluice.runtime.internals.InternalTopologyBuilder.SubtopologyView;
import io.sluice.runtime.internals.assignment.AssignmentInfo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class QueryMetadataTest {
  private static final String INPUT = "orders";
  private static final String REPART = "app-counts-repartition";

  private final QueryMetadata metadata = new QueryMetadata(List.of(
      new SubtopologyView(0, Map.of("src", List.of(INPUT)), Map.of(), Map.of(), Set.of(REPART),
          Set.of("dedup"), Set.of("dedup")),
      new SubtopologyView(1, Map.of("rsrc", List.of(REPART)), Map.of(), Map.of(), Set.of(),
          Set.of("counts"), Set.of("counts"))), List.of("rates"), new HostInfo("a", 1));

  /** Four partitions of each topic over hosts a and b (a: 0,1; b: 2,3); b keeps standbys of a. */
  private static AssignmentInfo assignment() {
    Map<String, Set<TopicPartition>> active = new HashMap<>();
    Map<String, Set<TopicPartition>> standby = new HashMap<>();
    for (int p = 0; p < 4; p++) {
      String host = p < 2 ? "a:1" : "b:2";
      for (String topic : List.of(INPUT, REPART)) {
        active.computeIfAbsent(host, h -> new HashSet<>()).add(new TopicPartition(topic, p));
        if (p < 2) {
          standby.computeIfAbsent("b:2", h -> new HashSet<>()).add(new TopicPartition(topic, p));
        }
      }
    }
    return new AssignmentInfo(AssignmentInfo.LATEST_VERSION, Map.of(), Map.of(), Map.of(),
        active, standby, AssignmentInfo.ERROR_NONE, null, AssignmentInfo.NO_PROBING);
  }

  @Test
  void keyMetadataFollowsTheDefaultPartitionerOfTheStoresSourceTopic() {
    for (int i = 0; i < 50; i++) {
      String key = "key-" + i;
      int expected = Utils.toPositive(Utils.murmur2(key.getBytes(
          java.nio.charset.StandardCharsets.UTF_8))) % 4;
      KeyQueryMetadata found = metadata.forKey(assignment(), "counts", key,
          Serdes.String().serializer());
      assertThat(found.partition()).isEqualTo(expected);
      assertThat(found.activeHost()).isEqualTo(new HostInfo(expected < 2 ? "a" : "b",
          expected < 2 ? 1 : 2));
      assertThat(found.standbyHosts()).isEqualTo(expected < 2
          ? Set.of(new HostInfo("b", 2)) : Set.of());
    }
  }

  @Test
  void keyMetadataWithACustomPartitioner() {
    KeyQueryMetadata found = metadata.forKey(assignment(), "dedup", "x",
        (topic, key, value, n) -> Optional.of(3));
    assertThat(found).isEqualTo(new KeyQueryMetadata(new HostInfo("b", 2), Set.of(), 3));
  }

  @Test
  void unknownStoreOrNoAssignmentIsNotAvailable() {
    assertThat(metadata.forKey(assignment(), "nope", "k", Serdes.String().serializer()))
        .isEqualTo(KeyQueryMetadata.NOT_AVAILABLE);
    assertThat(metadata.forKey(null, "counts", "k", Serdes.String().serializer()))
        .isEqualTo(KeyQueryMetadata.NOT_AVAILABLE);
    assertThat(metadata.all(null)).isEmpty();
  }

  @Test
  void instanceMetadataListsStoresOfTheSubtopologiesItsPartitionsFeed() {
    List<StreamsMetadata> all = metadata.all(assignment());
    assertThat(all).extracting(StreamsMetadata::hostInfo)
        .containsExactly(new HostInfo("a", 1), new HostInfo("b", 2));
    StreamsMetadata a = all.get(0);
    assertThat(a.stateStoreNames()).containsExactlyInAnyOrder("dedup", "counts", "rates");
    assertThat(a.topicPartitions()).hasSize(4);
    assertThat(a.standbyStateStoreNames()).isEmpty();
    StreamsMetadata b = all.get(1);
    assertThat(b.standbyTopicPartitions()).contains(new TopicPartition(INPUT, 0));
    assertThat(b.standbyStateStoreNames()).containsExactlyInAnyOrder("dedup", "counts");
    assertThat(metadata.forStore(assignment(), "counts")).hasSize(2);
    assertThat(metadata.forStore(assignment(), "nope")).isEmpty();
    assertThat(metadata.storeNames()).containsExactly("counts", "dedup");
  }

  @Test
  void aGlobalStoreIsOnEveryInstanceAndItsKeysAreHere() {
    assertThat(metadata.all(assignment())).allSatisfy(
        m -> assertThat(m.stateStoreNames()).contains("rates"));
    assertThat(metadata.forStore(assignment(), "rates")).extracting(StreamsMetadata::hostInfo)
        .containsExactly(new HostInfo("a", 1), new HostInfo("b", 2));
    assertThat(metadata.forKey(assignment(), "rates", "EUR", Serdes.String().serializer()))
        .isEqualTo(new KeyQueryMetadata(new HostInfo("a", 1), Set.of(), -1));
    assertThat(metadata.forKey(null, "rates", "EUR", Serdes.String().serializer()))
        .isEqualTo(KeyQueryMetadata.NOT_AVAILABLE);
  }

  @Test
  void anInstanceWithoutTasksIsListedWithTheGlobalStoresOnly() {
    AssignmentInfo base = assignment();
    Map<String, Set<TopicPartition>> active = new HashMap<>(base.partitionsByHost());
    Map<String, Set<TopicPartition>> standby = new HashMap<>(base.standbyPartitionsByHost());
    active.put("c:3", Set.of());
    standby.put("c:3", Set.of());
    AssignmentInfo info = AssignmentInfo.decode(new AssignmentInfo(AssignmentInfo.LATEST_VERSION,
        Map.of(), Map.of(), Map.of(), active, standby, AssignmentInfo.ERROR_NONE, null,
        AssignmentInfo.NO_PROBING).encode());

    List<StreamsMetadata> all = metadata.all(info);
    assertThat(all).extracting(StreamsMetadata::hostInfo)
        .containsExactly(new HostInfo("a", 1), new HostInfo("b", 2), new HostInfo("c", 3));
    StreamsMetadata c = all.get(2);
    assertThat(c.stateStoreNames()).containsExactly("rates");
    assertThat(c.topicPartitions()).isEmpty();
    assertThat(c.standbyStateStoreNames()).isEmpty();
    assertThat(c.standbyTopicPartitions()).isEmpty();
    assertThat(metadata.forStore(info, "rates")).extracting(StreamsMetadata::hostInfo)
        .contains(new HostInfo("c", 3));
    assertThat(metadata.forStore(info, "counts")).extracting(StreamsMetadata::hostInfo)
        .doesNotContain(new HostInfo("c", 3));
  }
}
