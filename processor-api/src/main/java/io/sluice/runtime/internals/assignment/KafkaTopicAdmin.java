package io.sluice.runtime.internals.assignment;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** {@link TopicAdmin} over kafka-clients' {@link Admin}. */
final class KafkaTopicAdmin implements TopicAdmin {
  private final Admin admin;
  private final Duration timeout;

  KafkaTopicAdmin(Admin admin, Duration timeout) {
    this.admin = Objects.requireNonNull(admin, "admin");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public Map<String, Integer> partitionCounts(Set<String> topics) {
    Map<String, Integer> counts = new HashMap<>();
    if (topics.isEmpty()) {
      return counts;
    }
    Map<String, KafkaFuture<TopicDescription>> futures = admin.describeTopics(topics,
        new DescribeTopicsOptions().timeoutMs(timeoutMs())).topicNameValues();
    for (Map.Entry<String, KafkaFuture<TopicDescription>> entry : futures.entrySet()) {
      try {
        counts.put(entry.getKey(), await(entry.getValue()).partitions().size());
      } catch (UnknownTopicOrPartitionException missing) {
        // absent from the result: the topic does not exist
      }
    }
    return counts;
  }

  @Override
  public Map<String, Throwable> create(List<NewTopic> topics) {
    Map<String, Throwable> results = new HashMap<>();
    admin.createTopics(topics).values().forEach((topic, future) -> {
      try {
        await(future);
        results.put(topic, null);
      } catch (KafkaException e) {
        results.put(topic, e);
      }
    });
    return results;
  }

  @Override
  public Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    if (latest.isEmpty()) {
      return ends;
    }
    Map<TopicPartition, ListOffsetsResultInfo> infos = await(admin.listOffsets(latest,
        new ListOffsetsOptions().timeoutMs(timeoutMs())).all());
    infos.forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  private int timeoutMs() {
    return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
  }

  private <T> T await(KafkaFuture<T> future) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new org.apache.kafka.common.errors.InterruptException(e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new TimeoutException("the admin client got no answer within " + timeout, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof KafkaException kafka) {
        throw kafka;
      }
      throw new KafkaException(e.getCause());
    }
  }
}
