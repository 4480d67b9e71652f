package io.sluice.runtime.internals.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

/** The Admin adapter over a stand-in {@link Admin} answering with ready futures. */
class KafkaTopicAdminTest {
  private static final Node NODE = new Node(0, "h", 1);

  /** Only the methods the adapter calls are answered; any other call fails the test. */
  private static Admin admin(Map<String, Supplier<Object>> answers) {
    return (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(),
        new Class<?>[] {Admin.class}, (proxy, method, args) -> {
          Supplier<Object> answer = answers.get(method.getName());
          if (answer == null) {
            throw new AssertionError("unexpected admin call " + method.getName());
          }
          return answer.get();
        });
  }

  private static <T> KafkaFuture<T> failed(RuntimeException e) {
    return KafkaFuture.<T>completedFuture(null).thenApply(v -> {
      throw e;
    });
  }

  private static TopicDescription description(String topic, int partitions) {
    List<TopicPartitionInfo> infos = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      infos.add(new TopicPartitionInfo(p, NODE, List.of(NODE), List.of(NODE)));
    }
    return new TopicDescription(topic, false, infos);
  }

  @Test
  void partitionCountsSkipMissingTopicsAndRethrowOtherFailures() {
    Map<String, KafkaFuture<TopicDescription>> futures = new HashMap<>();
    futures.put("a", KafkaFuture.completedFuture(description("a", 3)));
    futures.put("b", failed(new UnknownTopicOrPartitionException("b")));
    TopicAdmin adapter = TopicAdmin.of(admin(Map.of("describeTopics",
        () -> new DescribeTopicsResult(null, futures) {})), Duration.ofSeconds(1));
    assertThat(adapter.partitionCounts(Set.of("a", "b"))).isEqualTo(Map.of("a", 3));
    assertThat(adapter.partitionCounts(Set.of())).isEmpty();

    futures.put("b", failed(new TopicAuthorizationException("denied")));
    assertThatThrownBy(() -> adapter.partitionCounts(Set.of("a", "b")))
        .isInstanceOf(TopicAuthorizationException.class).hasMessageContaining("denied");
  }

  @Test
  void createReportsEachTopicsOutcome() {
    Map<String, KafkaFuture<CreateTopicsResult.TopicMetadataAndConfig>> futures = new HashMap<>();
    futures.put("new", KafkaFuture.completedFuture(
        new CreateTopicsResult.TopicMetadataAndConfig(null, 2, 1, null)));
    futures.put("old", failed(new TopicExistsException("old exists")));
    TopicAdmin adapter = TopicAdmin.of(admin(Map.of("createTopics",
        () -> new CreateTopicsResult(futures) {})), Duration.ofSeconds(1));
    Map<String, Throwable> result = adapter.create(List.of(new NewTopic("new", 2, (short) 1),
        new NewTopic("old", 2, (short) 1)));
    assertThat(result).containsEntry("new", null);
    assertThat(result.get("old")).isInstanceOf(TopicExistsException.class);
  }

  @Test
  void endOffsetsAreTheLatestOffsets() {
    TopicPartition tp = new TopicPartition("c", 0);
    TopicAdmin adapter = TopicAdmin.of(admin(Map.of("listOffsets", () -> new ListOffsetsResult(
        Map.of(tp, KafkaFuture.completedFuture(new ListOffsetsResultInfo(42, -1,
            Optional.empty())))))), Duration.ofSeconds(1));
    assertThat(adapter.endOffsets(Set.of(tp))).isEqualTo(Map.of(tp, 42L));
    assertThat(adapter.endOffsets(Set.of())).isEmpty();
  }
}
