package io.sluice.bench.e2e;

import io.sluice.testkit.KafkaCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Runs one system under test in its own JVM until it has committed every input offset, reads its
 * peak RSS and CPU time from {@code /proc} while it is still alive (CPU counted from its first
 * output record, so JVM start-up and joining the group are excluded), destroys it, and measures its
 * throughput from the broker's append times of its first and last output records (start-up, and
 * the wait for the final commit to be seen, are excluded).
 */
final class RunExecutor {
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);
  private static final long STOP_TIMEOUT_SECONDS = 60;
  private final KafkaCluster cluster;
  private final Path work;
  private final String heap;
  private final Path profileDir;
  /** With {@code --profile}: CPU per thread when the current run's first output appeared. */
  private Map<String, Double> threadsAtFirstOutput = Map.of();

  /**
   * @param profileDir where to write one flight recording per run ({@code <run id>.jfr}), or null
   *     for none; with a directory, each system under test is stopped with SIGTERM so the JVM
   *     writes its recording on exit
   */
  RunExecutor(KafkaCluster cluster, Path work, String heap, Path profileDir) {
    this.cluster = cluster;
    this.work = work;
    this.heap = heap;
    this.profileDir = profileDir;
  }

  RunResult run(SystemUnderTest system, Mode mode, boolean eos, int run, String input,
      String table, long records, int partitions) throws Exception {
    String id = String.format(Locale.ROOT, "bench-%s-%s-%s-%d", mode, eos ? "eos" : "alos",
        system, run).toLowerCase(Locale.ROOT).replace('_', '-');
    String output = cluster.createTopic(id + "-out", partitions, 1,
        Map.of("message.timestamp.type", "LogAppendTime"));
    Path stateDir = Files.createDirectories(work.resolve(id));
    SutSettings settings = new SutSettings(system, mode, eos, cluster.bootstrapServers(), id,
        input, table, output, stateDir.toString());
    Path log = work.resolve(id + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-Xms" + heap,
        "-Dsluice.bench.props=" + System.getProperty("sluice.bench.props", "")));
    // Extra JVM options for the systems under test, e.g. a flight recording for profiling:
    // -Dsluice.bench.jvmArgs="-XX:StartFlightRecording=filename=/tmp/sut.jfr,settings=profile"
    if (profileDir != null) {
      // -Dsluice.bench.jfrSettings=file.jfc picks other settings (a shorter sampling period, say)
      command.add("-XX:StartFlightRecording=filename=" + profileDir.resolve(id + ".jfr")
          + ",settings=" + System.getProperty("sluice.bench.jfrSettings", "profile")
          + ",dumponexit=true");
    }
    for (String option : System.getProperty("sluice.bench.jvmArgs", "").split(" ")) {
      if (!option.isBlank()) {
        command.add(option);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        SutMain.class.getName()));
    command.addAll(List.of(settings.toArgs()));
    threadsAtFirstOutput = Map.of();
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    ProcessStats stats;
    double startupCpu;
    try {
      startupCpu = awaitAllCommitted(id, input, output, process, log);
      stats = ProcessStats.read(process.pid());
      if (profileDir != null) {
        Files.writeString(profileDir.resolve(id + ".threads.txt"),
            "CPU per thread from the first output record to the last commit\n"
                + ThreadCpu.delta(threadsAtFirstOutput, ThreadCpu.read(process.pid())));
      }
    } finally {
      stop(process);
    }
    long[] firstLastCount = readOutput(output, eos);
    double seconds = Math.max(1, firstLastCount[1] - firstLastCount[0]) / 1000.0;
    EndToEndBenchmark.deleteQuietly(stateDir);
    return new RunResult(mode, eos, system, run, records, firstLastCount[2], records / seconds,
        (stats.cpuSeconds() - startupCpu) * 1e6 / records, stats.peakRssBytes());
  }

  /**
   * Ends the system under test: SIGKILL when not profiling (its figures are already read), or
   * SIGTERM and a wait of up to {@value #STOP_TIMEOUT_SECONDS} s so its flight recording is
   * written, then SIGKILL.
   */
  private void stop(Process process) throws InterruptedException {
    if (profileDir != null) {
      process.destroy();
      if (process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        return;
      }
      System.err.println("The system under test (pid " + process.pid() + ") did not stop within "
          + STOP_TIMEOUT_SECONDS + " s of SIGTERM; killing it, its recording may be lost");
    }
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * Waits until {@code group} committed the end of {@code input}.
   *
   * @return the process's CPU seconds when its first output appeared, to subtract start-up
   */
  private double awaitAllCommitted(String group, String input, String output, Process process,
      Path log) throws Exception {
    Admin admin = cluster.admin();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (var partition : admin.describeTopics(List.of(input)).allTopicNames().get()
        .get(input).partitions()) {
      latest.put(new TopicPartition(input, partition.partition()), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    double startupCpu = -1;
    while (true) {
      if (startupCpu < 0 && hasRecords(admin, output)) {
        startupCpu = ProcessStats.read(process.pid()).cpuSeconds();
        if (profileDir != null) {
          threadsAtFirstOutput = ThreadCpu.read(process.pid());
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("The system under test exited with "
            + process.exitValue() + " before committing its input; see " + log + ":\n"
            + tail(log));
      }
      if (committedAll(admin, group, ends)) {
        return Math.max(0, startupCpu);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Run " + group + " did not commit its input within "
            + RUN_TIMEOUT + "; see " + log);
      }
      Thread.sleep(200);
    }
  }

  private static boolean hasRecords(Admin admin, String topic)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (var partition : admin.describeTopics(List.of(topic)).allTopicNames().get()
        .get(topic).partitions()) {
      latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
    }
    return admin.listOffsets(latest).all().get().values().stream()
        .anyMatch(info -> info.offset() > 0);
  }

  private static boolean committedAll(Admin admin, String group, Map<TopicPartition, Long> ends)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      OffsetAndMetadata offset = committed.get(end.getKey());
      if (offset == null || offset.offset() < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** @return the first and last append time (ms) and the number of records of the topic */
  private long[] readOutput(String topic, boolean committedOnly) {
    Map<String, Object> config = new HashMap<>(cluster.clientProperties());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        committedOnly ? "read_committed" : "read_uncommitted");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long count = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config,
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          first = Math.min(first, record.timestamp());
          last = Math.max(last, record.timestamp());
          count++;
        }
      }
    }
    return new long[] {first, last, count};
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }
}
