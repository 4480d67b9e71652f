package io.sluice.runtime.internals;

import static io.sluice.runtime.internals.Fixture.DE;
import static io.sluice.runtime.internals.Fixture.SER;
import static io.sluice.runtime.internals.Fixture.pipe;
import static io.sluice.runtime.internals.Fixture.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.Topology;
import io.sluice.runtime.LogAndContinueExceptionHandler;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.StreamsException;
import java.util.Properties;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest {
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

  private static Topology topology() {
    return new Topology()
        .addSource("src", DE, PICKY, "in")
        .addProcessor("p", () -> Fixture.<String, String>processor((ctx, r) -> {
          if (r.value().equals("boom")) {
            throw new IllegalStateException("boom!");
          }
          ctx.forward(r);
        }), "src")
        .addSink("out", "out", SER, SER, "p");
  }

  private SyncDriver start(boolean continueOnErrors) {
    Properties props = new Properties();
    if (continueOnErrors) {
      props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER,
          LogAndContinueExceptionHandler.class);
      props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER, LogAndContinueExceptionHandler.class);
    }
    driver = new SyncDriver(topology(), props, 0L);
    return driver;
  }

  @Test
  void undeserializableRecordsFailByDefaultNamingTopicPartitionOffsetAndCause() {
    start(false);
    pipe(driver, "in", "k", "ok", 1);
    assertThatThrownBy(() -> pipe(driver, "in", "k", "bad", 2))
        .isInstanceOf(StreamsException.class)
        .hasMessage("Cannot read the record at topic in, partition 0, offset 1 (source 'src',"
            + " task 0_0): cannot read 'bad'. Set deserialization.exception.handler to"
            + " LogAndContinueExceptionHandler to skip such records");
  }

  @Test
  void negativeTimestampsGoToTheDeserializationHandler() {
    start(false);
    assertThatThrownBy(() -> pipe(driver, "in", "k", "ok", -5))
        .isInstanceOf(StreamsException.class)
        .hasMessageContaining("offset 0")
        .hasMessageContaining("returned the negative timestamp -5");
  }

  @Test
  void continuingHandlersDropAndCountBadRecordsAndProcessingGoesOn() {
    start(true);
    pipe(driver, "in", "k", "bad", 1);
    pipe(driver, "in", "k", "ok", -1);
    pipe(driver, "in", "k", "boom", 3);
    pipe(driver, "in", "k", "fine", 4);
    assertThat(read(driver, "out")).containsExactly("k=fine@4");
    StreamTask task = driver.tasks().get(0);
    assertThat(task.droppedRecords()).isEqualTo(3.0);
    assertThat(driver.committedOffsets().get(new org.apache.kafka.common.TopicPartition("in", 0))
        .offset()).isEqualTo(4);
  }

  @Test
  void processorExceptionsFailByDefaultNamingTheProcessor() {
    start(false);
    assertThatThrownBy(() -> pipe(driver, "in", "k", "boom", 3))
        .isInstanceOf(StreamsException.class)
        .hasMessageStartingWith("Processor 'p' failed (task 0_0, node 'p', topic in, partition 0,"
            + " offset 0): java.lang.IllegalStateException: boom!")
        .hasCauseInstanceOf(IllegalStateException.class);
  }
}
