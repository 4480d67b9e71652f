package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.it.harness.InProcessApps;
import io.sluice.it.harness.ItSettings;
import io.sluice.it.harness.OutputWatcher;
import io.sluice.it.harness.Topics;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import io.sluice.runtime.DeadLetterHeaders;
import io.sluice.runtime.DeadLetterQueueExceptionHandler;
import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsConfig;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A poison pill (a value that does not deserialize) with the dead-letter deserialization handler:
 * the raw record lands in the dead-letter topic with its own headers and headers naming the error
 * and where it came from, the records after it are processed, and the dropped-records metric
 * counts one record.
 */
class DeadLetterIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  @RegisterExtension final InProcessApps apps = new InProcessApps();
  @TempDir Path stateDir;

  private static final int GOOD = 10;
  private static final int PILL_OFFSET = 4;

  /** Longs to their decimal text. */
  private static final class ToText implements Processor<String, Long, String, String> {
    private ProcessorContext<String, String> context;

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, Long> record) {
      context.forward(record.withValue(Long.toString(record.value())));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {StreamsConfig.AT_LEAST_ONCE, StreamsConfig.EXACTLY_ONCE_V2})
  void aPoisonPillGoesToTheDeadLetterTopicAndProcessingGoesOn(String guarantee) {
    KafkaCluster kafka = KAFKA.cluster();
    String app = ItSettings.unique("dlq");
    String input = kafka.createTopic(app + "-in", 1, 1, Map.of());
    String output = kafka.createTopic(app + "-out", 1, 1, Map.of());
    String deadLetters = kafka.createTopic(app + "-dead-letters", 1, 1, Map.of());

    LongSerializer longs = new LongSerializer();
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (long i = 0; i < GOOD; i++) {
      records.add(new ProducerRecord<>(input, 0, ("k" + i).getBytes(StandardCharsets.UTF_8),
          longs.serialize(input, i)));
    }
    RecordHeaders pillHeaders = new RecordHeaders();
    pillHeaders.add("origin", "test".getBytes(StandardCharsets.UTF_8));
    records.add(PILL_OFFSET, new ProducerRecord<>(input, 0, null,
        "poison".getBytes(StandardCharsets.UTF_8),
        "not a long".getBytes(StandardCharsets.UTF_8), pillHeaders));
    kafka.produce(records, new ByteArraySerializer(), new ByteArraySerializer());

    Topology topology = new Topology()
        .addSource("in", new StringDeserializer(), new LongDeserializer(), input)
        .addProcessor("text", ToText::new, "in")
        .addSink("out", output, new StringSerializer(), new StringSerializer(), "text");
    Properties props = ItSettings.app(kafka, app, stateDir, guarantee);
    props.setProperty(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER,
        DeadLetterQueueExceptionHandler.class.getName());
    props.setProperty(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME, deadLetters);
    InProcessApps.Instance instance = apps.create("dlq", topology, props).start();

    Map<String, String> expected = new HashMap<>();
    for (long i = 0; i < GOOD; i++) {
      expected.put("k" + i, Long.toString(i));
    }
    try (OutputWatcher out = new OutputWatcher(kafka, output)) {
      out.awaitLatest(expected, Duration.ofSeconds(90));
      assertThat(out.records()).as("every good record, the ones after the pill too")
          .hasSize(GOOD);
    }
    List<ConsumerRecord<String, String>> dead =
        Topics.readAll(kafka, deadLetters, IsolationLevel.READ_COMMITTED);
    assertThat(dead).hasSize(1);
    ConsumerRecord<String, String> letter = dead.get(0);
    assertThat(letter.key()).isEqualTo("poison");
    assertThat(letter.value()).isEqualTo("not a long");
    Map<String, String> headers = new HashMap<>();
    for (Header h : letter.headers()) {
      headers.put(h.key(), h.value() == null ? null
          : new String(h.value(), StandardCharsets.UTF_8));
    }
    assertThat(headers).as("dead-letter headers")
        .containsEntry("origin", "test")
        .containsEntry(DeadLetterHeaders.TOPIC, input)
        .containsEntry(DeadLetterHeaders.PARTITION, "0")
        .containsEntry(DeadLetterHeaders.OFFSET, Integer.toString(PILL_OFFSET))
        .containsEntry(DeadLetterHeaders.TASK, "0_0")
        .containsKey(DeadLetterHeaders.EXCEPTION_MESSAGE);
    assertThat(headers.get(DeadLetterHeaders.EXCEPTION)).contains("SerializationException");
    KafkaCluster.waitUntil(() -> metricSum(instance.app(), "dropped-records-total") == 1,
        Duration.ofSeconds(10), "the dropped-records metric counting the pill once (now "
            + metricSum(instance.app(), "dropped-records-total") + ")");
  }

  private static double metricSum(StreamsApp app, String name) {
    double sum = 0;
    for (Map.Entry<MetricName, ? extends Metric> e : app.metrics().entrySet()) {
      if (e.getKey().name().equals(name) && e.getValue().metricValue() instanceof Number n) {
        sum += n.doubleValue();
      }
    }
    return sum;
  }
}
