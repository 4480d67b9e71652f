package io.sluice.runtime.internals.assignment;

import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.internals.ChangelogTopicConfigs;
import io.sluice.runtime.internals.ChangelogTopicConfigs.Changelog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the internal topics of a topology (changelogs and repartition topics) or validates
 * those that exist. Run by the group leader before it assigns tasks.
 *
 * <p>Changelogs get the configs of {@link ChangelogTopicConfigs} and one partition per task of
 * their sub-topology. Repartition topics get {@code cleanup.policy=delete} (their consumed records
 * are purged with {@code deleteRecords}) and {@code retention.ms=-1}, then the application's
 * {@value StreamsConfig#TOPIC_PREFIX}-prefixed settings, except a cleanup policy. Replication is
 * {@value StreamsConfig#REPLICATION_FACTOR} (-1: the broker's default).
 */
public final class InternalTopicManager {
  private static final Logger LOG = LoggerFactory.getLogger(InternalTopicManager.class);
  private static final long BACKOFF_MS = 100;

  private final TopicAdmin admin;
  private final StreamsConfig config;
  private final Time time;
  private final Duration visibilityTimeout;

  /**
   * One internal topic to create or validate.
   *
   * @param name the full topic name
   * @param partitions the partition count it must have
   * @param configs the topic configs to create it with
   */
  public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    /** Copies the configs. */
    public TopicSpec {
      Objects.requireNonNull(name, "name");
      configs = Map.copyOf(configs);
    }
  }

  /**
   * @param visibilityTimeout how long to wait for created topics to appear in the metadata
   */
  public InternalTopicManager(TopicAdmin admin, StreamsConfig config, Time time,
      Duration visibilityTimeout) {
    this.admin = Objects.requireNonNull(admin, "admin");
    this.config = Objects.requireNonNull(config, "config");
    this.time = Objects.requireNonNull(time, "time");
    this.visibilityTimeout = Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
  }

  /** @return the changelog and repartition topics {@code layout} needs, by name */
  public Map<String, TopicSpec> specs(TopologyMetadata topology, TaskLayout layout) {
    Map<String, TopicSpec> specs = new TreeMap<>();
    for (Changelog changelog : ChangelogTopicConfigs.of(topology.builder(), config).values()) {
      Integer partitions = layout.changelogPartitionCounts().get(changelog.topic());
      if (partitions != null && partitions > 0) {
        specs.put(changelog.topic(),
            new TopicSpec(changelog.topic(), partitions, changelog.configs()));
      }
    }
    for (String topic : topology.repartitionTopics().keySet()) {
      Map<String, String> configs = new LinkedHashMap<>();
      configs.put("retention.ms", "-1");
      config.originalsWithPrefix(StreamsConfig.TOPIC_PREFIX).forEach((key, value) -> {
        if (value != null) {
          configs.put(key, value instanceof Class<?> c ? c.getName() : value.toString());
        }
      });
      configs.put("cleanup.policy", "delete");
      specs.put(topic, new TopicSpec(topic, layout.partitionCounts().get(topic), configs));
    }
    return specs;
  }

  /**
   * Creates the missing topics, validates the existing ones, and waits until created topics are
   * visible.
   *
   * @throws AssignmentException with {@link AssignmentInfo#ERROR_INTERNAL_TOPIC} naming the
   *     topic if one has the wrong partition count or cannot be created
   * @throws RetriableException if the cluster did not answer or show the topics in time
   */
  public void makeReady(Map<String, TopicSpec> specs) {
    if (specs.isEmpty()) {
      return;
    }
    Map<String, Integer> existing = admin.partitionCounts(specs.keySet());
    existing.forEach((topic, count) -> validate(specs.get(topic), count));
    List<NewTopic> missing = new ArrayList<>();
    specs.values().stream().filter(spec -> !existing.containsKey(spec.name()))
        .forEach(spec -> missing.add(newTopic(spec)));
    if (missing.isEmpty()) {
      return;
    }
    admin.create(missing).forEach((topic, failure) -> {
      if (failure == null) {
        LOG.info("Created internal topic {} with {} partitions", topic,
            specs.get(topic).partitions());
      } else if (failure instanceof TopicExistsException) {
        LOG.debug("Internal topic {} was created concurrently; validating it", topic);
      } else if (failure instanceof RetriableException retriable) {
        throw retriable;
      } else {
        throw new AssignmentException(AssignmentInfo.ERROR_INTERNAL_TOPIC,
            "Cannot create internal topic " + topic + ": " + failure.getMessage()
                + "; check the application's ACLs (create on the topic) and the broker limits");
      }
    });
    awaitVisible(specs, missing);
  }

  private void awaitVisible(Map<String, TopicSpec> specs, List<NewTopic> created) {
    Map<String, TopicSpec> pending = new TreeMap<>();
    created.forEach(t -> pending.put(t.name(), specs.get(t.name())));
    long deadline = time.milliseconds() + visibilityTimeout.toMillis();
    while (true) {
      Map<String, Integer> counts = admin.partitionCounts(pending.keySet());
      counts.forEach((topic, count) -> validate(pending.get(topic), count));
      pending.keySet().removeAll(counts.keySet());
      if (pending.isEmpty()) {
        return;
      }
      if (time.milliseconds() >= deadline) {
        throw new TimeoutException("internal topics " + pending.keySet()
            + " were created but are not in the metadata after " + visibilityTimeout);
      }
      time.sleep(BACKOFF_MS);
    }
  }

  private void validate(TopicSpec spec, int count) {
    if (count != spec.partitions()) {
      throw new AssignmentException(AssignmentInfo.ERROR_INTERNAL_TOPIC,
          "Internal topic " + spec.name() + " has " + count + " partitions but the topology"
              + " needs " + spec.partitions() + "; delete it (for example with the application"
              + " reset tool) so it is recreated, or restore the partition count of its inputs");
    }
  }

  private NewTopic newTopic(TopicSpec spec) {
    int replication = config.getInt(StreamsConfig.REPLICATION_FACTOR);
    Optional<Short> factor = replication < 0 ? Optional.empty()
        : Optional.of((short) replication);
    return new NewTopic(spec.name(), Optional.of(spec.partitions()), factor)
        .configs(spec.configs());
  }
}
