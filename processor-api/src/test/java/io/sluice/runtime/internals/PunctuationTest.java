package io.sluice.runtime.internals;

import static io.sluice.runtime.internals.Fixture.DE;
import static io.sluice.runtime.internals.Fixture.pipe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.Cancellable;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.PunctuationType;
import io.sluice.processor.Record;
import io.sluice.processor.RecordMetadata;
import io.sluice.processor.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PunctuationTest {
  private final List<Long> fired = new ArrayList<>();
  private final List<Optional<RecordMetadata>> metadataInPunctuation = new ArrayList<>();
  private SyncDriver driver;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  /** Schedules in init; a record with value "cancel" cancels the schedule. */
  private final class Scheduling implements Processor<String, String, String, String> {
    private final PunctuationType type;
    private Cancellable schedule;

    Scheduling(PunctuationType type) {
      this.type = type;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
      schedule = context.schedule(Duration.ofMillis(10), type, time -> {
        fired.add(time);
        metadataInPunctuation.add(context.recordMetadata());
      });
    }

    @Override
    public void process(Record<String, String> record) {
      if (record.value().equals("cancel")) {
        schedule.cancel();
      }
    }
  }

  private void start(PunctuationType type) {
    driver = new SyncDriver(new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("p", () -> new Scheduling(type), "src"), new Properties(), 1_000L);
  }

  @Test
  void streamTimePunctuationFiresOncePerAdvanceAtIntervalBoundaries() {
    start(PunctuationType.STREAM_TIME);
    assertThat(fired).isEmpty();
    pipe(driver, "in", "k", "v", 0);
    pipe(driver, "in", "k", "v", 5);
    pipe(driver, "in", "k", "v", 12);
    pipe(driver, "in", "k", "v", 9);
    pipe(driver, "in", "k", "v", 35);
    pipe(driver, "in", "k", "v", 39);
    pipe(driver, "in", "k", "v", 40);
    assertThat(fired).containsExactly(0L, 12L, 35L, 40L);
    assertThat(metadataInPunctuation).allMatch(Optional::isEmpty);
  }

  @Test
  void streamTimeNeverGoesBack() {
    start(PunctuationType.STREAM_TIME);
    pipe(driver, "in", "k", "v", 100);
    pipe(driver, "in", "k", "v", 3);
    assertThat(driver.tasks().get(0).streamTime()).isEqualTo(100L);
  }

  @Test
  void wallClockPunctuationFiresOnlyWhenTheClockAdvancesAndOncePerAdvance() {
    start(PunctuationType.WALL_CLOCK_TIME);
    pipe(driver, "in", "k", "v", 5_000);
    driver.advanceWallClockTime(5);
    assertThat(fired).isEmpty();
    driver.advanceWallClockTime(5);
    driver.advanceWallClockTime(35);
    assertThat(fired).containsExactly(1_010L, 1_045L);
  }

  @Test
  void cancelledPunctuatorsStopFiring() {
    start(PunctuationType.WALL_CLOCK_TIME);
    driver.advanceWallClockTime(10);
    pipe(driver, "in", "k", "cancel", 1);
    driver.advanceWallClockTime(100);
    assertThat(fired).containsExactly(1_010L);
  }

  @Test
  void aThrowingPunctuatorDoesNotStopTheOthers() {
    List<String> runs = new ArrayList<>();
    driver = new SyncDriver(new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("p", () -> new Processor<String, String, String, String>() {
          private boolean thrown;

          @Override
          public void init(ProcessorContext<String, String> context) {
            context.schedule(Duration.ofMillis(10), PunctuationType.STREAM_TIME, time -> {
              runs.add("first@" + time);
              if (!thrown) {
                thrown = true;
                throw new IllegalStateException("boom");
              }
            });
            context.schedule(Duration.ofMillis(10), PunctuationType.STREAM_TIME,
                time -> runs.add("second@" + time));
          }

          @Override
          public void process(Record<String, String> record) {}
        }, "src"), new Properties(), 1_000L);
    assertThatThrownBy(() -> pipe(driver, "in", "k", "v", 0)).hasRootCauseMessage("boom");
    pipe(driver, "in", "k", "v", 20);
    pipe(driver, "in", "k", "v", 40);
    assertThat(runs).contains("second@20", "second@40", "first@20", "first@40");
  }

  @Test
  void intervalsUnderOneMillisecondAreRejected() {
    assertThatThrownBy(() -> new SyncDriver(new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("p", () -> new Processor<String, String, String, String>() {
          @Override
          public void init(ProcessorContext<String, String> context) {
            context.schedule(Duration.ZERO, PunctuationType.STREAM_TIME, t -> { });
          }

          @Override
          public void process(Record<String, String> record) {}
        }, "src"), new Properties(), 0L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Processor 'p' scheduled a punctuator every PT0S; the interval must be at"
            + " least 1 ms");
  }
}
