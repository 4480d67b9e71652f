package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.StreamsUncaughtExceptionHandler;
import io.sluice.state.KeyValue;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a running application reacts to failures on a real broker: a missing source topic and an
 * unhandled processing error end in ERROR (never a silent hang); REPLACE_THREAD replaces the
 * failed thread, which processes the failed record again and goes on.
 */
@Timeout(180)
class StreamsAppErrorsIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  private static final AtomicInteger APPS = new AtomicInteger();

  @TempDir Path stateDir;

  /** Throws on "poison" the first {@code failures} times it sees it, forwards everything else. */
  private static final class Fragile implements Processor<String, String, String, String> {
    private final AtomicInteger failures;
    private ProcessorContext<String, String> context;

    Fragile(AtomicInteger failures) {
      this.failures = failures;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, String> record) {
      if (record.value().equals("poison") && failures.getAndDecrement() > 0) {
        throw new IllegalStateException("poison pill");
      }
      context.forward(record);
    }
  }

  private static Topology topology(String input, String output, AtomicInteger failures) {
    return new Topology()
        .addSource("in", new StringDeserializer(), new StringDeserializer(), input)
        .addProcessor("fragile", () -> new Fragile(failures), "in")
        .addSink("out", output, new StringSerializer(), new StringSerializer(), "fragile");
  }

  private Properties props(String appId) {
    Properties props = new Properties();
    props.putAll(KAFKA.cluster().clientProperties());
    props.put(StreamsConfig.APPLICATION_ID, appId);
    props.put(StreamsConfig.STATE_DIR, stateDir.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS, 100L);
    props.put("consumer.session.timeout.ms", 6000);
    props.put("consumer.heartbeat.interval.ms", 500);
    return props;
  }

  private static void awaitState(StreamsApp app, StreamsApp.State state, List<?> seen) {
    KafkaCluster.waitUntil(() -> app.state() == state, Duration.ofSeconds(60),
        "the app reaches " + state + " (states so far: " + seen + ")");
  }

  /** The values of {@code topic} from the beginning, read until {@code last} arrives. */
  private static List<String> readUntil(String topic, String last) {
    Map<String, Object> config = new HashMap<>(KAFKA.cluster().clientProperties());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
        config, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(new TopicPartition(topic, 0)));
      KafkaCluster.waitUntil(() -> {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
        return values.contains(last);
      }, Duration.ofSeconds(60), "'" + last + "' arrives in " + topic);
    }
    return values;
  }

  @Test
  void aMissingSourceTopicEndsInError() {
    String appId = "errors-missing-" + APPS.incrementAndGet();
    String output = KAFKA.cluster().createTopic(appId + "-output", 1, 1, Map.of());
    List<StreamsApp.State> states = new CopyOnWriteArrayList<>();
    try (StreamsApp app = new StreamsApp(
        topology(appId + "-no-such-topic", output, new AtomicInteger()), props(appId))) {
      app.setStateListener((now, old) -> states.add(now));
      app.start();
      awaitState(app, StreamsApp.State.ERROR, states);
      assertThat(states).contains(StreamsApp.State.PENDING_ERROR);
    }
  }

  @Test
  void anUnhandledProcessingErrorShutsTheClientDownInError() {
    KafkaCluster kafka = KAFKA.cluster();
    String appId = "errors-fail-" + APPS.incrementAndGet();
    String input = kafka.createTopic(appId + "-input", 1, 1, Map.of());
    String output = kafka.createTopic(appId + "-output", 1, 1, Map.of());
    kafka.produce(input, List.of(new KeyValue<>("k", "poison")), new StringSerializer(),
        new StringSerializer());
    List<StreamsApp.State> states = new CopyOnWriteArrayList<>();
    try (StreamsApp app =
        new StreamsApp(topology(input, output, new AtomicInteger(1)), props(appId))) {
      app.setStateListener((now, old) -> states.add(now));
      app.start();
      awaitState(app, StreamsApp.State.ERROR, states);
    }
  }

  @Test
  void replaceThreadRetriesTheFailedRecordAndGoesOn() {
    KafkaCluster kafka = KAFKA.cluster();
    String appId = "errors-replace-" + APPS.incrementAndGet();
    String input = kafka.createTopic(appId + "-input", 1, 1, Map.of());
    String output = kafka.createTopic(appId + "-output", 1, 1, Map.of());
    kafka.produce(input, List.of(new KeyValue<>("k", "first"), new KeyValue<>("k", "poison"),
        new KeyValue<>("k", "last")), new StringSerializer(), new StringSerializer());
    List<Throwable> handled = new CopyOnWriteArrayList<>();
    List<StreamsApp.State> states = new CopyOnWriteArrayList<>();
    try (StreamsApp app =
        new StreamsApp(topology(input, output, new AtomicInteger(1)), props(appId))) {
      app.setStateListener((now, old) -> states.add(now));
      app.setUncaughtExceptionHandler(e -> {
        handled.add(e);
        return StreamsUncaughtExceptionHandler.Response.REPLACE_THREAD;
      });
      app.start();
      List<String> out = readUntil(output, "last");
      assertThat(out).as("at-least-once: the replacement may repeat uncommitted records")
          .containsSubsequence("first", "poison", "last");
      assertThat(handled).hasSize(1);
      assertThat(handled.get(0)).hasRootCauseMessage("poison pill");
      awaitState(app, StreamsApp.State.RUNNING, states);
      assertThat(app.close(Duration.ofSeconds(30))).isTrue();
    }
  }

  @Test
  void shutdownApplicationStopsEveryInstance() {
    KafkaCluster kafka = KAFKA.cluster();
    String appId = "errors-app-" + APPS.incrementAndGet();
    String input = kafka.createTopic(appId + "-input", 2, 1, Map.of());
    String output = kafka.createTopic(appId + "-output", 2, 1, Map.of());
    List<StreamsApp.State> states = new CopyOnWriteArrayList<>();
    Properties first = props(appId);
    Properties second = props(appId);
    second.put(StreamsConfig.STATE_DIR, stateDir.resolve("second").toString());
    AtomicInteger failures = new AtomicInteger(1);
    try (StreamsApp one = new StreamsApp(topology(input, output, failures), first);
        StreamsApp two = new StreamsApp(topology(input, output, failures), second)) {
      for (StreamsApp app : List.of(one, two)) {
        app.setStateListener((now, old) -> states.add(now));
        app.setUncaughtExceptionHandler(
            e -> StreamsUncaughtExceptionHandler.Response.SHUTDOWN_APPLICATION);
        app.start();
      }
      awaitState(one, StreamsApp.State.RUNNING, states);
      awaitState(two, StreamsApp.State.RUNNING, states);
      kafka.produce(input, List.of(new KeyValue<>("a", "poison"), new KeyValue<>("b", "poison")),
          new StringSerializer(), new StringSerializer());
      awaitState(one, StreamsApp.State.ERROR, states);
      awaitState(two, StreamsApp.State.ERROR, states);
    }
  }
}
