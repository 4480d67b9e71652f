package io.sluice.runtime.internals;

import static io.sluice.runtime.internals.Fixture.DE;
import static io.sluice.runtime.internals.Fixture.SER;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.processor.AutoOffsetReset;
import io.sluice.processor.SourceOptions;
import io.sluice.processor.Topology;
import io.sluice.runtime.KafkaClientSupplier;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.StreamsException;
import io.sluice.runtime.StreamsUncaughtExceptionHandler.Response;
import io.sluice.runtime.internals.assignment.AssignmentInfo;
import io.sluice.runtime.internals.assignment.AssignorContext;
import io.sluice.runtime.internals.assignment.TopologyMetadata;
import io.sluice.state.KeyValueStore;
import io.sluice.state.Stores;
import io.sluice.state.TaskId;
import io.sluice.state.StateRestoreListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream thread on kafka-clients' MockConsumer and MockProducer (another assignor than Sluice's,
 * so tasks come from the partitions): the poll-process-commit loop, backpressure, a fenced
 * producer under exactly-once, and per-source offset reset policies.
 */
class StreamThreadTest {
  private static final TopicPartition IN0 = new TopicPartition("in", 0);
  private static final TopicPartition IN1 = new TopicPartition("in", 1);

  @TempDir Path stateDir;
  private final Metrics metrics = new Metrics();
  /**
   * Set to "none", as the thread sets its main consumer. A partition without a position has an
   * unknown lag, as with KafkaConsumer (MockConsumer's currentLag would try to reset it).
   */
  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("none") {
    @Override
    public OptionalLong currentLag(TopicPartition tp) {
      try {
        return super.currentLag(tp);
      } catch (NoOffsetForPartitionException e) {
        return OptionalLong.empty();
      }
    }
  };
  private final MockConsumer<byte[], byte[]> restoreConsumer = new MockConsumer<>("none");
  private final List<MockProducer<byte[], byte[]>> producers = new CopyOnWriteArrayList<>();
  private final List<ThreadState> states = new CopyOnWriteArrayList<>();
  private final List<Throwable> deaths = new CopyOnWriteArrayList<>();
  private final CountDownLatch dead = new CountDownLatch(1);
  private StreamThread thread;
  private volatile AssignorContext assignorContext;
  private StateRestoreListener restoreListener = StateRestoreListener.NO_OP;

  @AfterEach
  void stop() throws InterruptedException {
    if (thread != null) {
      thread.shutdown();
      assertThat(dead.await(10, TimeUnit.SECONDS)).isTrue();
    }
    metrics.close();
  }

  private final class Clients implements KafkaClientSupplier {
    @Override
    public Admin getAdmin(Map<String, Object> config) {
      throw new AssertionError("no admin client in this test");
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
      MockProducer<byte[], byte[]> producer =
          new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
      producers.add(producer);
      return producer;
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
      assignorContext = (AssignorContext) config.get(AssignorContext.CONFIG_KEY);
      return consumer;
    }

    @Override
    public Consumer<byte[], byte[]> getRestoreConsumer(Map<String, Object> config) {
      return restoreConsumer;
    }

    @Override
    public Consumer<byte[], byte[]> getGlobalConsumer(Map<String, Object> config) {
      throw new AssertionError("no global consumer in this test");
    }
  }

  private final StreamThread.Owner owner = new StreamThread.Owner() {
    @Override
    public void onThreadStateChange(StreamThread t, ThreadState old, ThreadState now) {
      states.add(now);
    }

    @Override
    public Response onThreadError(StreamThread t, Throwable error) {
      return Response.SHUTDOWN_CLIENT;
    }

    @Override
    public void onThreadDead(StreamThread t, Throwable error, Response response) {
      if (error != null) {
        deaths.add(error);
      }
      dead.countDown();
    }
  };

  private StreamThread start(Topology topology, Map<String, Object> settings) {
    Map<String, Object> props = new HashMap<>(settings);
    props.put(StreamsConfig.APPLICATION_ID, "app");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS, "localhost:9");
    props.put(StreamsConfig.STATE_DIR, stateDir.toString());
    props.put(StreamsConfig.POLL_MS, 10L);
    props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS, 0L);
    StreamsConfig config = new StreamsConfig(props);
    EngineConfig engine = EngineConfig.from(config, metrics);
    TopologyMetadata metadata = TopologyMetadata.of(InternalTopologyBuilder.of(topology), "app");
    InstanceContext instance = new InstanceContext(config, engine, metadata, new Clients(),
        new StateDirectory(stateDir.toString(), "app"), metrics, null, UUID.randomUUID(), "app",
        Time.SYSTEM, name -> null, new AtomicInteger(), () -> 1);
    consumer.updateBeginningOffsets(Map.of(IN0, 0L, IN1, 0L));
    thread = new StreamThread(instance, 1, 0L, owner, restoreListener);
    thread.start();
    return thread;
  }

  private StreamThread startWithBothPartitions(Topology topology, Map<String, Object> settings) {
    consumer.schedulePollTask(() -> consumer.rebalance(List.of(IN0, IN1)));
    return start(topology, settings);
  }

  private static Topology passThrough(CountDownLatch gate) {
    return passThrough(gate, new CountDownLatch(1));
  }

  /** Forwards each record once {@code gate} opens; {@code entered} counts down on the first. */
  private static Topology passThrough(CountDownLatch gate, CountDownLatch entered) {
    return new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("p", () -> Fixture.<String, String>processor((ctx, r) -> {
          entered.countDown();
          try {
            gate.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ctx.forward(r);
        }), "src")
        .addSink("out", "out", SER, SER, "p");
  }

  private void add(TopicPartition tp, long offset, String value, long timestamp) {
    consumer.schedulePollTask(() -> consumer.addRecord(record(tp, offset, value, timestamp)));
  }

  private static ConsumerRecord<byte[], byte[]> record(
      TopicPartition tp, long offset, String value, long timestamp) {
    return new ConsumerRecord<>(tp.topic(), tp.partition(), offset, timestamp,
        TimestampType.CREATE_TIME, 1, value.length(), "k".getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8), new RecordHeaders(), Optional.empty());
  }

  private static void waitUntil(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting until " + what);
      }
      Thread.onSpinWait();
    }
  }

  private List<String> output(MockProducer<byte[], byte[]> producer) {
    List<String> values = new ArrayList<>();
    for (ProducerRecord<byte[], byte[]> record : producer.history()) {
      values.add(record.topic() + ":" + new String(record.value(), StandardCharsets.UTF_8));
    }
    return values;
  }

  @Test
  void atLeastOnceProcessesSendsAndCommitsOffsetsWithPartitionTime() {
    startWithBothPartitions(passThrough(new CountDownLatch(0)), Map.of());
    add(IN0, 0, "a", 100);
    add(IN1, 0, "b", 200);
    add(IN0, 1, "c", 300);
    waitUntil(() -> producers.size() == 1 && output(producers.get(0)).size() == 3,
        "three records are sent");
    assertThat(output(producers.get(0))).containsExactlyInAnyOrder("out:a", "out:b", "out:c");
    waitUntil(() -> {
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(IN0, IN1));
      return committed.get(IN0) != null && committed.get(IN0).offset() == 2
          && committed.get(IN1) != null;
    }, "the offsets are committed");
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(IN0, IN1));
    assertThat(committed.get(IN0).metadata()).isEqualTo("2:300");
    assertThat(committed.get(IN1)).isEqualTo(new OffsetAndMetadata(1, "2:200"));
    assertThat(states).contains(ThreadState.STARTING, ThreadState.PARTITIONS_ASSIGNED,
        ThreadState.RUNNING);
    assertThat(new java.io.File(stateDir.toFile(), "app/0_0")).isDirectory();
  }

  @Test
  void aPartitionOverTheBufferLimitIsPausedUntilDrained() throws InterruptedException {
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    startWithBothPartitions(passThrough(gate, entered),
        Map.of(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION, 2));
    consumer.schedulePollTask(() -> {
      for (int i = 0; i < 4; i++) {
        consumer.addRecord(record(IN0, i, "v" + i, 10 + i));
      }
    });
    try {
      assertThat(entered.await(10, TimeUnit.SECONDS)).as("processing started").isTrue();
      assertThat(consumer.paused()).as("4 buffered records > 2: paused; in-1 is empty")
          .containsExactly(IN0);
    } finally {
      gate.countDown();
    }
    waitUntil(() -> !consumer.paused().contains(IN0), "the drained partition is resumed");
    waitUntil(() -> output(producers.get(0)).size() == 4, "every record is sent");
  }

  @Test
  void aFencedProducerClosesTheTasksDirtyAndTheThreadRejoinsWithANewProducer() {
    startWithBothPartitions(passThrough(new CountDownLatch(0)),
        Map.of(StreamsConfig.PROCESSING_GUARANTEE, StreamsConfig.EXACTLY_ONCE_V2));
    add(IN0, 0, "a", 1);
    waitUntil(() -> !producers.isEmpty() && producers.get(0).transactionCommitted(),
        "the first transaction commits");
    producers.get(0).fenceProducer();
    waitUntil(() -> producers.size() == 2, "a new producer replaces the fenced one");
    assertThat(producers.get(1).transactionInitialized()).isTrue();
    assertThat(deaths).isEmpty();
    assertThat(thread.state()).isNotEqualTo(ThreadState.DEAD);
    assertThat(consumer.subscription()).as("resubscribed to rejoin").containsExactly("in");
  }

  private static Topology passThroughWithReset(AutoOffsetReset reset) {
    return new Topology()
        .addSource("src", SourceOptions.defaults().withOffsetReset(reset), DE, DE, "in")
        .addSink("out", "out", SER, SER, "src");
  }

  @Test
  void aLatestSourceSkipsWhatItsPartitionsHeldBeforeTheReset() {
    consumer.updateEndOffsets(Map.of(IN0, 2L, IN1, 0L));
    startWithBothPartitions(passThroughWithReset(AutoOffsetReset.LATEST), Map.of());
    consumer.schedulePollTask(() -> {
      consumer.addRecord(record(IN0, 0, "old", 1));
      consumer.addRecord(record(IN0, 1, "old", 2));
      consumer.addRecord(record(IN0, 2, "new", 3));
    });
    waitUntil(() -> !producers.isEmpty() && !output(producers.get(0)).isEmpty(),
        "a record is sent");
    waitUntil(() -> consumer.committed(Set.of(IN0)).get(IN0) != null, "in-0 is committed");
    assertThat(output(producers.get(0))).containsExactly("out:new");
    assertThat(consumer.committed(Set.of(IN0)).get(IN0).offset()).isEqualTo(3L);
  }

  @Test
  void aNoneSourceWithoutCommittedOffsetEndsTheThreadNamingTheTopic()
      throws InterruptedException {
    startWithBothPartitions(passThroughWithReset(AutoOffsetReset.NONE), Map.of());
    assertThat(dead.await(10, TimeUnit.SECONDS)).as("the thread died").isTrue();
    assertThat(deaths).singleElement().isInstanceOf(StreamsException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains("[in]").contains("policy is none"));
    assertThat(producers).allSatisfy(p -> assertThat(p.history()).isEmpty());
  }

  /** Counts records per key in the logged store "counts" and forwards the new count. */
  private static Topology counting() {
    return new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("count", () -> new io.sluice.processor.Processor<String, String, String,
            Long>() {
          private io.sluice.processor.ProcessorContext<String, Long> context;
          private KeyValueStore<String, Long> store;

          @Override
          public void init(io.sluice.processor.ProcessorContext<String, Long> context) {
            this.context = context;
            this.store = context.getStateStore("counts");
          }

          @Override
          public void process(io.sluice.processor.Record<String, String> record) {
            Long old = store.get(record.key());
            long count = old == null ? 1 : old + 1;
            store.put(record.key(), count);
            context.forward(record.withValue(count));
          }
        }, "src")
        .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("counts"),
            Serdes.String(), Serdes.Long()), "count")
        .addSink("out", "out", SER, new LongSerializer(), "count");
  }

  private static AssignmentInfo assignment(Map<TaskId, Set<TopicPartition>> active,
      Map<TaskId, Set<TopicPartition>> standby) {
    return new AssignmentInfo(AssignmentInfo.LATEST_VERSION, active, standby, Map.of(), Map.of(),
        Map.of(), AssignmentInfo.ERROR_NONE, null, AssignmentInfo.NO_PROBING);
  }

  @Test
  void aStandbyFollowsItsChangelogAndIsPromotedWithItsState() throws InterruptedException {
    TopicPartition log0 = new TopicPartition("app-counts-changelog", 0);
    TopicPartition log1 = new TopicPartition("app-counts-changelog", 1);
    TaskId t0 = new TaskId(0, 0);
    TaskId t1 = new TaskId(0, 1);
    CountDownLatch standbyRestored = new CountDownLatch(1);
    restoreListener = new StateRestoreListener() {
      @Override
      public void onRestoreStart(TopicPartition tp, String store, long start, long end) {}

      @Override
      public void onBatchRestored(TopicPartition tp, String store, long batchEnd, long count) {}

      @Override
      public void onRestoreEnd(TopicPartition tp, String store, long total) {
        if (tp.equals(log1) && total == 2) {
          standbyRestored.countDown();
        }
      }
    };
    restoreConsumer.updateBeginningOffsets(Map.of(log0, 0L, log1, 0L));
    restoreConsumer.updateEndOffsets(Map.of(log0, 0L, log1, 2L));
    LongSerializer longs = new LongSerializer();
    restoreConsumer.schedulePollTask(() -> {
      restoreConsumer.addRecord(new ConsumerRecord<>(log1.topic(), 1, 0,
          SER.serialize("", "k"), longs.serialize("", 4L)));
      restoreConsumer.addRecord(new ConsumerRecord<>(log1.topic(), 1, 1,
          SER.serialize("", "k"), longs.serialize("", 5L)));
    });
    consumer.schedulePollTask(() -> {
      assignorContext.onAssignment(assignment(Map.of(t0, Set.of(IN0)), Map.of(t1, Set.of(log1))));
      consumer.rebalance(List.of(IN0));
    });
    start(counting(), Map.of());
    assertThat(standbyRestored.await(10, TimeUnit.SECONDS)).as("the standby restored").isTrue();

    consumer.schedulePollTask(() -> {
      assignorContext.onAssignment(
          assignment(Map.of(t0, Set.of(IN0), t1, Set.of(IN1)), Map.of()));
      consumer.rebalance(List.of(IN0, IN1));
    });
    add(IN1, 0, "x", 10);
    waitUntil(() -> !producers.isEmpty() && producers.get(0).history().stream()
        .anyMatch(r -> r.topic().equals("out")), "the promoted task processes");
    ProducerRecord<byte[], byte[]> out = producers.get(0).history().stream()
        .filter(r -> r.topic().equals("out")).findFirst().orElseThrow();
    assertThat(new org.apache.kafka.common.serialization.LongDeserializer()
        .deserialize("out", out.value())).as("counted on top of the standby's state").isEqualTo(6L);
  }
}
