package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.it.harness.InProcessApps;
import io.sluice.it.harness.InputFlow;
import io.sluice.it.harness.Topics;
import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.StreamsMetadata;
import io.sluice.state.KeyValue;
import io.sluice.state.StateRestoreListener;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warm-up replica on a real broker: instance A runs both tasks of a store holding 100,000 keys
 * while input keeps flowing; instance B joins without state. B first gets no active task (its
 * copy is far behind, beyond {@code acceptable.recovery.lag}) but a warm-up, which restores the
 * store; a probing rebalance then moves one task to B, which at that point restores only a small
 * tail (asserted on B's restore listener counts). The task that stayed on A produced output
 * throughout (output append times never paused more than 10 s).
 */
@Timeout(400)
class WarmupReplicaIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  @RegisterExtension final InProcessApps apps = new InProcessApps();
  private static final int KEYS = 100_000;
  private static final long ACCEPTABLE_LAG = 1_000;

  @TempDir Path stateDir;

  private Properties props(String appId, int port) {
    Properties props = new Properties();
    props.putAll(KAFKA.cluster().clientProperties());
    props.put(StreamsConfig.APPLICATION_ID, appId);
    props.put(StreamsConfig.STATE_DIR, stateDir.resolve("i" + port).toString());
    props.put(StreamsConfig.APPLICATION_SERVER, "localhost:" + port);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS, 200L);
    props.put(StreamsConfig.ACCEPTABLE_RECOVERY_LAG, ACCEPTABLE_LAG);
    props.put(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS, 60_000L);
    props.put("consumer.session.timeout.ms", 10_000);
    props.put("consumer.heartbeat.interval.ms", 500);
    return props;
  }

  private static double processed(StreamsApp app) {
    double total = 0;
    for (Map.Entry<MetricName, ? extends Metric> e : app.metrics().entrySet()) {
      if (e.getKey().group().equals("stream-thread-metrics")
          && e.getKey().name().equals("process-total")) {
        total += ((Number) e.getValue().metricValue()).doubleValue();
      }
    }
    return total;
  }

  private static Set<TopicPartition> activeOf(StreamsApp app, int port) {
    for (StreamsMetadata m : app.metadataForAllStreamsClients()) {
      if (m.hostInfo().port() == port) {
        return m.topicPartitions();
      }
    }
    return Set.of();
  }

  @Test
  void aTaskMovesToTheNewInstanceOnlyAfterItsWarmupCaughtUp() {
    KafkaCluster kafka = KAFKA.cluster();
    String appId = "warmup-" + System.nanoTime();
    String input = kafka.createTopic(appId + "-input", 2, 1, Map.of());
    String output = kafka.createTopic(appId + "-output", 2, 1,
        Map.of("message.timestamp.type", "LogAppendTime"));
    List<KeyValue<String, String>> records = new ArrayList<>();
    for (int i = 0; i < KEYS; i++) {
      records.add(new KeyValue<>("key-" + i, "v"));
    }
    kafka.produce(input, records, new StringSerializer(), new StringSerializer());

    InProcessApps.Instance a = apps.create("a", InteractiveQueriesIT.topology(input, output),
        props(appId, 7101)).start();
    a.awaitRunning(Duration.ofSeconds(60));
    KafkaCluster.waitUntil(() -> processed(a.app()) >= KEYS, Duration.ofSeconds(120),
        "A processed the initial keys");

    try (InputFlow flow = new InputFlow(kafka,
        i -> new ProducerRecord<>(input, "live-" + (i % 100), "v" + i), 20, 100)) {
      long joinedAtMs = System.currentTimeMillis();
      InProcessApps.Instance b = apps.create("b", InteractiveQueriesIT.topology(input, output),
          props(appId, 7102));
      AtomicLong restored = new AtomicLong();
      b.app().setGlobalStateRestoreListener(new StateRestoreListener() {
        @Override
        public void onRestoreStart(TopicPartition tp, String store, long start, long end) {
          // counted per batch
        }

        @Override
        public void onBatchRestored(TopicPartition tp, String store, long end, long n) {
          restored.addAndGet(n);
        }

        @Override
        public void onRestoreEnd(TopicPartition tp, String store, long total) {
          // counted per batch
        }
      });
      b.start();
      b.awaitRunning(Duration.ofSeconds(60));
      assertThat(activeOf(b.app(), 7102)).as("B gets no active task while far behind")
          .isEmpty();

      long[] atMove = new long[1];
      KafkaCluster.waitUntil(() -> {
        atMove[0] = restored.get();
        return !activeOf(b.app(), 7102).isEmpty();
      }, Duration.ofSeconds(180), "a probing rebalance moves a task to B");
      Set<TopicPartition> moved = activeOf(b.app(), 7102);
      assertThat(moved).hasSize(1);
      assertThat(atMove[0]).as("B's warm-up restored the task's state before the move")
          .isGreaterThanOrEqualTo(KEYS / 2 - ACCEPTABLE_LAG - 10_000);
      double bBefore = processed(b.app());
      KafkaCluster.waitUntil(() -> processed(b.app()) > bBefore + 50, Duration.ofSeconds(60),
          "B processes the moved task's records");
      assertThat(restored.get() - atMove[0]).as("records B restored after the move")
          .isLessThan(10_000);

      flow.stop();
      int stayed = 1 - moved.iterator().next().partition();
      List<Long> times = new ArrayList<>();
      for (ConsumerRecord<String, String> r : Topics.readAll(kafka, output,
          IsolationLevel.READ_UNCOMMITTED)) {
        if (r.partition() == stayed && r.timestamp() >= joinedAtMs) {
          times.add(r.timestamp());
        }
      }
      times.sort(Long::compare);
      assertThat(times).hasSizeGreaterThan(100);
      long maxGap = 0;
      for (int i = 1; i < times.size(); i++) {
        maxGap = Math.max(maxGap, times.get(i) - times.get(i - 1));
      }
      assertThat(maxGap).as("longest pause in the output of the task that stayed on A, ms")
          .isLessThan(10_000);
    }
  }
}
