package io.sluice.runtime.internals;

import static io.sluice.runtime.internals.Fixture.DE;
import static io.sluice.runtime.internals.Fixture.SER;
import static io.sluice.runtime.internals.Fixture.pipe;
import static io.sluice.runtime.internals.Fixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.Topology;
import io.sluice.runtime.DeadLetterHeaders;
import io.sluice.runtime.DeadLetterQueueExceptionHandler;
import io.sluice.runtime.LogAndContinueExceptionHandler;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.StreamsException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DEAD_LETTER from each of the three handlers: the input record goes to the dead-letter topic
 * through the task's record collector with headers naming the failure, it is counted as dropped,
 * and processing goes on; the production handler also answers CONTINUE.
 */
class DeadLetterTest {
  private static final String DLQ = "dead-letters";
  private SyncDriver driver;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  private static final Deserializer<String> PICKY = (topic, data) -> {
    String s = DE.deserialize(topic, data);
    if ("bad".equals(s)) {
      throw new SerializationException("cannot read 'bad'");
    }
    return s;
  };

  private static final Serializer<String> FUSSY = (topic, data) -> {
    if ("unwritable".equals(data)) {
      throw new SerializationException("cannot write 'unwritable'");
    }
    return SER.serialize(topic, data);
  };

  private SyncDriver start(Class<?> handler, String deadLetterTopic) {
    Topology topology = new Topology()
        .addSource("src", DE, PICKY, "in")
        .addProcessor("p", () -> Fixture.<String, String>processor((ctx, r) -> {
          if (r.value().equals("boom")) {
            throw new IllegalStateException("boom!");
          }
          ctx.forward(r);
        }), "src")
        .addSink("out", "out", SER, FUSSY, "p");
    Properties props = new Properties();
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER, handler);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER, handler);
    props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER, handler);
    if (deadLetterTopic != null) {
      props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME, deadLetterTopic);
    }
    driver = new SyncDriver(topology, props, 0L);
    return driver;
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String key) {
    Header header = record.headers().lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Test
  void eachHandlerSendsTheInputRecordWithHeadersNamingTheFailure() {
    start(DeadLetterQueueExceptionHandler.class, DLQ);
    pipe(driver, "in", "k1", "bad", 1);
    pipe(driver, "in", "k2", "boom", 2);
    pipe(driver, "in", "k3", "unwritable", 3);
    pipe(driver, "in", "k4", "fine", 4);

    assertThat(read(driver, "out")).containsExactly("k4=fine@4");
    assertThat(driver.tasks().get(0).droppedRecords()).isEqualTo(3.0);

    ProducerRecord<byte[], byte[]> bad = driver.readOutput(DLQ);
    assertThat(new String(bad.key(), StandardCharsets.UTF_8)).isEqualTo("k1");
    assertThat(new String(bad.value(), StandardCharsets.UTF_8)).isEqualTo("bad");
    assertThat(header(bad, DeadLetterHeaders.EXCEPTION))
        .isEqualTo(SerializationException.class.getName());
    assertThat(header(bad, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("cannot read 'bad'");
    assertThat(header(bad, DeadLetterHeaders.TOPIC)).isEqualTo("in");
    assertThat(header(bad, DeadLetterHeaders.PARTITION)).isEqualTo("0");
    assertThat(header(bad, DeadLetterHeaders.OFFSET)).isEqualTo("0");
    assertThat(header(bad, DeadLetterHeaders.NODE)).isEqualTo("src");

    ProducerRecord<byte[], byte[]> boom = driver.readOutput(DLQ);
    assertThat(new String(boom.value(), StandardCharsets.UTF_8)).isEqualTo("boom");
    assertThat(header(boom, DeadLetterHeaders.EXCEPTION))
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(header(boom, DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("boom!");
    assertThat(header(boom, DeadLetterHeaders.OFFSET)).isEqualTo("1");
    assertThat(header(boom, DeadLetterHeaders.NODE)).isEqualTo("p");

    ProducerRecord<byte[], byte[]> unwritable = driver.readOutput(DLQ);
    assertThat(new String(unwritable.value(), StandardCharsets.UTF_8)).isEqualTo("unwritable");
    assertThat(header(unwritable, DeadLetterHeaders.EXCEPTION_MESSAGE))
        .isEqualTo("cannot write 'unwritable'");
    assertThat(header(unwritable, DeadLetterHeaders.OFFSET)).isEqualTo("2");
    assertThat(header(unwritable, DeadLetterHeaders.NODE)).isEqualTo("sink to out");
    assertThat(driver.readOutput(DLQ)).isNull();
  }

  @Test
  void deadLetterWithoutATopicFailsNamingTheSetting() {
    start(DeadLetterQueueExceptionHandler.class, null);
    assertThatThrownBy(() -> pipe(driver, "in", "k", "bad", 1))
        .isInstanceOf(StreamsException.class)
        .hasMessageContaining("deserialization.exception.handler answered DEAD_LETTER")
        .hasMessageContaining("errors.dead.letter.queue.topic.name is not set");
  }

  @Test
  void productionHandlerContinueDropsAndCountsTheRecord() {
    start(LogAndContinueExceptionHandler.class, null);
    pipe(driver, "in", "k", "unwritable", 1);
    pipe(driver, "in", "k", "fine", 2);
    assertThat(read(driver, "out")).containsExactly("k=fine@2");
    assertThat(driver.tasks().get(0).droppedRecords()).isEqualTo(1.0);
  }
}
