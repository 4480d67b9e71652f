package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.it.apps.FailoverAppMain;
import io.sluice.it.harness.ChildJvm;
import io.sluice.it.harness.ChildJvms;
import io.sluice.it.harness.ItSettings;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.KeyValue;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover with a standby: two instances in their own JVMs, one standby replica; each runs one
 * of the two tasks and keeps the other's standby. With the store filled (200,000 keys; 1,000,000
 * under {@code -Pchaos}) and the standbys caught up, one instance is killed with SIGKILL; the
 * survivor takes its task over from the standby copy: it restores only the changelog's tail,
 * not the victim's whole partition (asserted on the restore listener's record counts), and
 * processes new records of both partitions.
 */
@Timeout(600)
class StandbyFailoverIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  @RegisterExtension final ChildJvms children = new ChildJvms();
  @TempDir Path tmp;

  private static long counter(ChildJvm jvm, String name) {
    return jvm.currentCounter(name).orElse(0L);
  }

  private static void produce(KafkaCluster kafka, String topic, int from, int to) {
    int batch = 50_000;
    for (int start = from; start < to; start += batch) {
      List<KeyValue<String, String>> records = new ArrayList<>();
      for (int i = start; i < Math.min(to, start + batch); i++) {
        records.add(new KeyValue<>("key-" + i, "value-" + i));
      }
      kafka.produce(topic, records, new StringSerializer(), new StringSerializer());
    }
  }

  @Test
  void survivorTakesOverFromItsStandbyWithoutRestoringTheWholeChangelog() {
    KafkaCluster kafka = KAFKA.cluster();
    int keys = Boolean.getBoolean("sluice.chaos") ? 1_000_000 : 200_000;
    String app = ItSettings.unique("failover");
    String input = kafka.createTopic(app + "-input", 2, 1, Map.of());
    List<ChildJvm> jvms = new ArrayList<>();
    for (String name : List.of("a", "b")) {
      Properties props = ItSettings.app(kafka, app, tmp.resolve("state-" + name),
          StreamsConfig.AT_LEAST_ONCE);
      props.setProperty(StreamsConfig.NUM_STANDBY_REPLICAS, "1");
      props.setProperty(StreamsConfig.COMMIT_INTERVAL_MS, "500");
      props.setProperty("it.input", input);
      jvms.add(children.start(name, FailoverAppMain.class,
          ItSettings.write(props, tmp.resolve(name + ".properties"))));
    }
    for (ChildJvm jvm : jvms) {
      jvm.awaitRunning(Duration.ofSeconds(90));
    }
    produce(kafka, input, 0, keys);
    ChildJvm victim = jvms.get(0);
    ChildJvm survivor = jvms.get(1);
    KafkaCluster.waitUntil(() -> counter(victim, "processed")
        + counter(survivor, "processed") >= keys, Duration.ofSeconds(300),
        "every record processed");
    // Each standby holds the other's partition: caught up once it applied as many changelog
    // records as the other instance processed (every key is new, so every record is logged).
    KafkaCluster.waitUntil(() -> counter(survivor, "restored-records")
            >= counter(victim, "processed")
        && counter(victim, "restored-records") >= counter(survivor, "processed"),
        Duration.ofSeconds(180), "both standbys caught up");
    long victimShare = counter(victim, "processed");
    assertThat(victimShare).as("the victim ran one of the two tasks").isPositive();
    long restoredBefore = counter(survivor, "restored-records");
    long processedBefore = counter(survivor, "processed");

    victim.kill();
    produce(kafka, input, keys, keys + 1_000);

    KafkaCluster.waitUntil(() -> counter(survivor, "processed") >= processedBefore + 1_000,
        Duration.ofSeconds(120), "the survivor processes new records of both partitions");
    long restoredAfterKill = counter(survivor, "restored-records") - restoredBefore;
    assertThat(restoredAfterKill)
        .as("records restored by the survivor after the kill (the victim's partition had %s)",
            victimShare)
        .isLessThan(victimShare / 10);
  }
}
