package io.sluice.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Utils;

/**
 * Resets an application for reprocessing: resets the consumer group's committed offsets of the
 * input topics to the earliest offsets or to a timestamp, deletes the application's internal
 * topics (repartition, changelog and foreign-key subscription topics named {@code
 * <application.id>-...}), and deletes the local state directory {@code
 * <state.dir>/<application.id>}. Refuses to run while the consumer group has members: stop every
 * instance first. Run it on each machine whose local state should go (or call {@link
 * StreamsApp#cleanUp()} there).
 *
 * <p>Programmatic use: {@code ApplicationReset.forApplication("app").inputTopics(List.of("in"))
 * .toEarliest().stateDir(Path.of("/var/sluice")).run(admin)}; from the command line see {@link
 * #main}.
 */
public final class ApplicationReset {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String applicationId;
  private final List<String> inputTopics;
  private final Long timestampMs;
  private final Path stateDir;

  private ApplicationReset(String applicationId, List<String> inputTopics, Long timestampMs,
      Path stateDir) {
    this.applicationId = applicationId;
    this.inputTopics = inputTopics;
    this.timestampMs = timestampMs;
    this.stateDir = stateDir;
  }

  /**
   * A reset of {@code applicationId} (no input topics, to the earliest offsets, no local state).
   *
   * @throws IllegalArgumentException if the id is blank
   */
  public static ApplicationReset forApplication(String applicationId) {
    if (applicationId == null || applicationId.isBlank()) {
      throw new IllegalArgumentException("application.id must be set for a reset, but was '"
          + applicationId + "'");
    }
    return new ApplicationReset(applicationId, List.of(), null, null);
  }

  /** The input topics whose committed offsets are reset (user topics, not internal ones). */
  public ApplicationReset inputTopics(List<String> topics) {
    return new ApplicationReset(applicationId, List.copyOf(topics), timestampMs, stateDir);
  }

  /** Resets the input offsets to each partition's earliest offset (the default). */
  public ApplicationReset toEarliest() {
    return new ApplicationReset(applicationId, inputTopics, null, stateDir);
  }

  /**
   * Resets the input offsets to the first record at or after {@code epochMs} (the partition's
   * end where there is none).
   */
  public ApplicationReset toTimestamp(long epochMs) {
    return new ApplicationReset(applicationId, inputTopics, epochMs, stateDir);
  }

  /** Also deletes {@code <stateDir>/<application.id>} on this machine. */
  public ApplicationReset stateDir(Path dir) {
    return new ApplicationReset(applicationId, inputTopics, timestampMs,
        Objects.requireNonNull(dir, "dir"));
  }

  /**
   * What a reset did.
   *
   * @param deletedTopics the internal topics deleted
   * @param resetOffsets the new committed offset of each input partition
   * @param deletedStateDir the local state directory deleted, or null
   */
  public record Result(Set<String> deletedTopics, Map<TopicPartition, Long> resetOffsets,
      Path deletedStateDir) {}

  /**
   * Runs the reset with {@code admin}.
   *
   * @throws IllegalStateException if the group {@code application.id} has active members (the
   *     message names the group and the member count)
   * @throws IllegalArgumentException if an input topic does not exist (naming it)
   * @throws org.apache.kafka.common.KafkaException if a broker request fails or times out
   * @throws UncheckedIOException if the state directory cannot be deleted
   */
  public Result run(Admin admin) {
    requireNoActiveMembers(admin);
    Map<TopicPartition, Long> offsets = resetInputOffsets(admin);
    Set<String> internal = internalTopics(admin);
    if (!internal.isEmpty()) {
      get(admin.deleteTopics(internal).all(), "deleting internal topics " + internal);
    }
    Path deleted = null;
    if (stateDir != null) {
      Path appDir = stateDir.resolve(applicationId);
      try {
        Utils.delete(appDir.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot delete the local state " + appDir + ": "
            + e.getMessage(), e);
      }
      deleted = appDir;
    }
    return new Result(internal, offsets, deleted);
  }

  private void requireNoActiveMembers(Admin admin) {
    ConsumerGroupDescription group;
    try {
      group = get(admin.describeConsumerGroups(List.of(applicationId)).all(),
          "describing consumer group " + applicationId).get(applicationId);
    } catch (org.apache.kafka.common.KafkaException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return;
      }
      throw e;
    }
    int members = group == null ? 0 : group.members().size();
    if (members > 0) {
      throw new IllegalStateException("Consumer group '" + applicationId + "' has " + members
          + " active member(s); stop every instance of the application (a crashed one leaves"
          + " after session.timeout.ms) before resetting it");
    }
  }

  /** Topics named like this application's repartition, changelog or foreign-key topics. */
  Set<String> internalTopics(Admin admin) {
    Set<String> names = get(admin.listTopics().names(), "listing topics");
    Set<String> internal = new TreeSet<>();
    for (String name : names) {
      if (isInternal(name)) {
        internal.add(name);
      }
    }
    return internal;
  }

  boolean isInternal(String topic) {
    if (!topic.startsWith(applicationId + "-")) {
      return false;
    }
    String lower = topic.toLowerCase(Locale.ROOT);
    return topic.endsWith("-repartition") || topic.endsWith("-changelog")
        || (lower.endsWith("-topic") && (lower.contains("subscription-registration")
            || lower.contains("subscription-response")));
  }

  private Map<TopicPartition, Long> resetInputOffsets(Admin admin) {
    if (inputTopics.isEmpty()) {
      return Map.of();
    }
    Map<String, TopicDescription> topics;
    try {
      topics = get(admin.describeTopics(inputTopics).allTopicNames(), "describing input topics");
    } catch (org.apache.kafka.common.KafkaException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        throw new IllegalArgumentException("An input topic of " + inputTopics + " does not"
            + " exist; pass only existing topics to the reset", e);
      }
      throw e;
    }
    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
    topics.forEach((name, description) -> description.partitions().forEach(p -> specs.put(
        new TopicPartition(name, p.partition()),
        timestampMs == null ? OffsetSpec.earliest() : OffsetSpec.forTimestamp(timestampMs))));
    Map<TopicPartition, ListOffsetsResultInfo> found =
        get(admin.listOffsets(specs).all(), "listing input offsets");
    List<TopicPartition> noneAfter = new ArrayList<>();
    Map<TopicPartition, Long> offsets = new HashMap<>();
    found.forEach((tp, info) -> {
      if (info.offset() < 0) {
        noneAfter.add(tp);
      } else {
        offsets.put(tp, info.offset());
      }
    });
    if (!noneAfter.isEmpty()) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      noneAfter.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      get(admin.listOffsets(latest).all(), "listing input end offsets")
          .forEach((tp, info) -> offsets.put(tp, info.offset()));
    }
    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    offsets.forEach((tp, offset) -> commit.put(tp, new OffsetAndMetadata(offset)));
    get(admin.alterConsumerGroupOffsets(applicationId, commit).all(),
        "committing the reset offsets of group " + applicationId);
    return Map.copyOf(offsets);
  }

  private static <T> T get(KafkaFuture<T> future, String what) {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new org.apache.kafka.common.KafkaException("Interrupted while " + what, e);
    } catch (ExecutionException e) {
      throw new org.apache.kafka.common.KafkaException("Failed " + what + ": "
          + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new org.apache.kafka.common.KafkaException("Timed out after "
          + TIMEOUT.toSeconds() + " s " + what, e);
    }
  }

  /**
   * Command line: {@code --bootstrap-server host:port --application-id ID [--input-topics a,b]
   * [--to-datetime 2026-01-01T00:00:00Z | --to-earliest] [--state-dir DIR]}. Prints what it did;
   * exits with 1 and a message on an error (including active members), 2 on bad arguments.
   */
  public static void main(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String key = args[i];
      if (key.equals("--to-earliest")) {
        opts.put(key, "");
      } else if (key.startsWith("--") && i + 1 < args.length) {
        opts.put(key, args[++i]);
      } else {
        usage("unexpected argument '" + key + "'");
        return;
      }
    }
    String servers = opts.get("--bootstrap-server");
    String appId = opts.get("--application-id");
    if (servers == null || appId == null) {
      usage("--bootstrap-server and --application-id are required");
      return;
    }
    ApplicationReset reset = forApplication(appId);
    String topics = opts.get("--input-topics");
    if (topics != null) {
      reset = reset.inputTopics(Arrays.stream(topics.split(",")).map(String::trim)
          .filter(t -> !t.isEmpty()).toList());
    }
    if (opts.containsKey("--to-datetime")) {
      try {
        reset = reset.toTimestamp(Instant.parse(opts.get("--to-datetime")).toEpochMilli());
      } catch (java.time.format.DateTimeParseException e) {
        usage("--to-datetime must be an ISO-8601 instant like 2026-01-01T00:00:00Z, but was '"
            + opts.get("--to-datetime") + "'");
        return;
      }
    }
    if (opts.containsKey("--state-dir")) {
      reset = reset.stateDir(new File(opts.get("--state-dir")).toPath());
    }
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        servers))) {
      Result result = reset.run(admin);
      System.out.println("Deleted internal topics: " + result.deletedTopics());
      System.out.println("Reset input offsets: " + result.resetOffsets());
      System.out.println("Deleted local state: " + result.deletedStateDir());
    } catch (RuntimeException e) {
      System.err.println("Reset of '" + appId + "' failed: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void usage(String problem) {
    System.err.println(problem + "\nusage: ApplicationReset --bootstrap-server host:port"
        + " --application-id ID [--input-topics a,b] [--to-datetime ISO-INSTANT | --to-earliest]"
        + " [--state-dir DIR]");
    System.exit(2);
  }
}
