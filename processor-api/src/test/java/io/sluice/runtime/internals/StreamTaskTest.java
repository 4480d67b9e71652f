package io.sluice.runtime.internals;

import static io.sluice.runtime.internals.Fixture.DE;
import static io.sluice.runtime.internals.Fixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.TaskId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamTaskTest {
  private static final TopicPartition A = new TopicPartition("a", 0);
  private static final TopicPartition B = new TopicPartition("b", 0);

  @TempDir Path stateDir;
  private final Metrics metrics = new Metrics();
  private final ManualTime time = new ManualTime(0L);
  private final List<String> processed = new ArrayList<>();

  @AfterEach
  void closeMetrics() {
    metrics.close();
  }

  private StreamTask task(long maxIdleMs) {
    Topology topology = new Topology()
        .addSource("src", DE, DE, "a", "b")
        .addProcessor("p", () -> Fixture.<String, String>processor((ctx, r) -> processed.add(
            r.value() + "@" + r.timestamp() + "/" + ctx.currentStreamTimeMs())), "src");
    StreamsConfig config = new StreamsConfig(Map.of(StreamsConfig.APPLICATION_ID, "app",
        StreamsConfig.STATE_DIR, stateDir.toString(),
        StreamsConfig.MAX_TASK_IDLE_MS, Long.toString(maxIdleMs)));
    TaskFactory factory = new TaskFactory(InternalTopologyBuilder.of(topology),
        EngineConfig.from(config, metrics), new StateDirectory(stateDir.toString(), "app"), time,
        name -> null);
    RecordCollector collector = new DriverRecordCollector((t, p, ts, k, v, h) -> 0L);
    return factory.create(new TaskId(0, 0), Set.of(A, B), collector);
  }

  private static List<ConsumerRecord<byte[], byte[]>> records(
      TopicPartition tp, long firstOffset, long... timestamps) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < timestamps.length; i++) {
      records.add(new ConsumerRecord<>(tp.topic(), tp.partition(), firstOffset + i, timestamps[i],
          TimestampType.CREATE_TIME, 1, 1, bytes("k"), bytes(tp.topic() + (firstOffset + i)),
          new RecordHeaders(), Optional.empty()));
    }
    return records;
  }

  private static StreamTask running(StreamTask task) {
    task.initializeIfNeeded();
    task.completeRestoration();
    return task;
  }

  @Test
  void movesThroughItsLifeAndRejectsIllegalTransitions() {
    StreamTask task = task(0);
    assertThat(task.state()).isEqualTo(TaskState.CREATED);
    assertThatThrownBy(task::completeRestoration)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Task 0_0 cannot go from CREATED to RUNNING");
    task.initializeIfNeeded();
    assertThat(task.state()).isEqualTo(TaskState.RESTORING);
    task.completeRestoration();
    assertThat(task.state()).isEqualTo(TaskState.RUNNING);
    assertThatThrownBy(task::resume)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Task 0_0 cannot go from RUNNING to RESTORING");
    task.suspend();
    assertThat(task.state()).isEqualTo(TaskState.SUSPENDED);
    assertThatThrownBy(() -> task.process(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Task 0_0 is SUSPENDED, not RUNNING");
    task.resume();
    task.completeRestoration();
    task.closeClean();
    assertThat(task.state()).isEqualTo(TaskState.CLOSED);
    assertThat(stateDir.resolve("app/0_0/.checkpoint")).exists();
  }

  @Test
  void processesTheLowestTimestampAcrossPartitionsFirstAndStreamTimeNeverDecreases() {
    StreamTask task = running(task(-1));
    task.addRecords(A, records(A, 0, 10, 30, 5));
    task.addRecords(B, records(B, 0, 20, 25));
    while (task.process(time.milliseconds())) {
      // drain
    }
    assertThat(processed).containsExactly(
        "a0@10/10", "b0@20/20", "b1@25/25", "a1@30/30", "a2@5/30");
    assertThat(task.streamTime()).isEqualTo(30L);
  }

  @Test
  void waitsForEmptyPartitionsUpToMaxTaskIdle() {
    StreamTask task = running(task(100));
    task.addRecords(A, records(A, 0, 10));
    assertThat(task.process(time.milliseconds())).isFalse();
    time.advance(99);
    assertThat(task.process(time.milliseconds())).isFalse();
    time.advance(1);
    assertThat(task.process(time.milliseconds())).isTrue();
    assertThat(processed).containsExactly("a0@10/10");
  }

  @Test
  void anEmptyPartitionWithRecordsStillToFetchIsWaitedForBeyondTheIdleTime() {
    java.util.Map<TopicPartition, java.util.OptionalLong> lags = new java.util.HashMap<>();
    lags.put(B, java.util.OptionalLong.empty());
    StreamTask task = running(task(0));
    task.useFetchLag(tp -> lags.getOrDefault(tp, java.util.OptionalLong.of(0)));
    task.addRecords(A, records(A, 0, 30));
    assertThat(task.process(time.milliseconds())).as("B's lag unknown: wait").isFalse();
    lags.put(B, java.util.OptionalLong.of(5));
    time.advance(10_000);
    assertThat(task.process(time.milliseconds())).as("B has records to fetch: wait").isFalse();
    task.addRecords(B, records(B, 0, 10));
    assertThat(task.process(time.milliseconds())).isTrue();
    assertThat(processed).as("B's older record goes first").containsExactly("b0@10/10");
    lags.put(B, java.util.OptionalLong.of(0));
    assertThat(task.process(time.milliseconds())).as("B caught up, idle time 0").isTrue();
    assertThat(processed).containsExactly("b0@10/10", "a0@30/30");
  }

  @Test
  void keepsProcessingOnceTheIdleWaitHasExpiredUntilTheEmptyPartitionGetsData() {
    StreamTask task = running(task(1000));
    task.addRecords(A, records(A, 0, 10, 20, 30));
    assertThat(task.process(time.milliseconds())).isFalse();
    time.advance(1000);
    assertThat(task.process(time.milliseconds())).isTrue();
    assertThat(task.process(time.milliseconds())).isTrue();
    assertThat(task.process(time.milliseconds())).isTrue();
    assertThat(processed).containsExactly("a0@10/10", "a1@20/20", "a2@30/30");

    task.addRecords(A, records(A, 3, 40, 60));
    task.addRecords(B, records(B, 0, 50));
    assertThat(task.process(time.milliseconds())).isTrue();
    assertThat(task.process(time.milliseconds())).isTrue();
    assertThat(task.process(time.milliseconds())).as("B is empty again: a new wait").isFalse();
  }

  @Test
  void initializeStreamTimeSkipsPartitionsThatWereNeverCommitted() {
    StreamTask task = task(-1);
    Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    committed.put(A, null);
    committed.put(B, new OffsetAndMetadata(5, StreamTimeMetadata.encode(30L)));
    task.initializeStreamTime(committed);
    assertThat(task.streamTime()).isEqualTo(30L);
  }

  @Test
  void prepareCommitReturnsTheNextOffsetToReadPerPartition() {
    StreamTask task = running(task(-1));
    task.addRecords(A, records(A, 7, 1, 2));
    task.addRecords(B, records(B, 3, 3));
    task.process(0);
    task.process(0);
    assertThat(task.prepareCommit()).containsExactlyInAnyOrderEntriesOf(Map.of(
        A, new OffsetAndMetadata(9, "2:2")));
    task.process(0);
    assertThat(task.prepareCommit()).as("each partition carries its own time")
        .containsExactlyInAnyOrderEntriesOf(Map.of(
            A, new OffsetAndMetadata(9, "2:2"), B, new OffsetAndMetadata(4, "2:3")));
    task.closeClean();
  }

  @Test
  void streamTimeResumesFromCommittedMetadata() {
    StreamTask first = running(task(-1));
    first.addRecords(A, records(A, 0, 40));
    first.addRecords(B, records(B, 0, 70));
    first.process(0);
    first.process(0);
    assertThat(first.numBuffered(A) + first.numBuffered(B)).isZero();
    Map<TopicPartition, OffsetAndMetadata> committed = first.prepareCommit();
    first.closeClean();

    StreamTask second = task(-1);
    second.initializeStreamTime(Map.of(A, committed.get(A), B, committed.get(B),
        new TopicPartition("x", 0), new OffsetAndMetadata(3, "written by someone else")));
    assertThat(second.streamTime()).isEqualTo(70L);
    running(second).addRecords(A, records(A, 1, 10));
    assertThat(second.numBuffered(A)).isEqualTo(1);
    second.process(0);
    assertThat(second.streamTime()).isEqualTo(70L);
    second.closeClean();
  }

  @Test
  void closingDirtyUnderExactlyOnceWipesTheTaskDirectory() {
    Topology topology = new Topology().addSource("src", DE, DE, "a");
    StreamsConfig config = new StreamsConfig(Map.of(StreamsConfig.APPLICATION_ID, "app",
        StreamsConfig.STATE_DIR, stateDir.toString(),
        StreamsConfig.PROCESSING_GUARANTEE, StreamsConfig.EXACTLY_ONCE_V2));
    TaskFactory factory = new TaskFactory(InternalTopologyBuilder.of(topology),
        EngineConfig.from(config, metrics), new StateDirectory(stateDir.toString(), "app"), time,
        name -> null);
    StreamTask task = running(factory.create(new TaskId(0, 0), Set.of(A),
        new DriverRecordCollector((t, p, ts, k, v, h) -> 0L)));
    assertThat(stateDir.resolve("app/0_0")).isDirectory();
    task.closeDirty();
    assertThat(task.state()).isEqualTo(TaskState.CLOSED);
    assertThat(stateDir.resolve("app/0_0")).doesNotExist();
  }
}
