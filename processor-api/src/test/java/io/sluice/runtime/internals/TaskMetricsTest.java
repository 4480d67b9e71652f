package io.sluice.runtime.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.state.TaskId;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskMetricsTest {
  private static final TaskId TASK = new TaskId(0, 1);
  private final Metrics metrics = new Metrics();
  private final TaskMetrics taskMetrics = new TaskMetrics(metrics, TASK);

  @AfterEach
  void close() {
    metrics.close();
  }

  private double value(String name) {
    MetricName metricName = metrics.metricName(name, TaskMetrics.GROUP, "",
        Map.of("task-id", TASK.toString()));
    return (Double) metrics.metric(metricName).metricValue();
  }

  @Test
  void processedRecordsAreRecordedOnceABatchIsFull() {
    for (int i = 0; i < TaskMetrics.BATCH - 1; i++) {
      taskMetrics.recordProcessed(1_000L, 1_010L);
    }
    assertThat(value("process-total")).as("a batch not yet full").isEqualTo(0.0);

    taskMetrics.recordProcessed(1_000L, 1_010L);

    assertThat(value("process-total")).isEqualTo(TaskMetrics.BATCH);
  }

  @Test
  void flushRecordsAPartialBatchAndLatencyFiguresMatchPerRecordRecording() {
    taskMetrics.recordProcessed(1_000L, 1_010L); // 10 ms
    taskMetrics.recordProcessed(1_000L, 1_040L); // 40 ms
    taskMetrics.recordProcessed(1_000L, 1_001L); // 1 ms
    taskMetrics.flush();
    taskMetrics.recordProcessed(2_000L, 2_005L); // 5 ms, in a second batch of one
    taskMetrics.flush();

    assertThat(value("process-total")).isEqualTo(4.0);
    assertThat(value("record-e2e-latency-max")).isEqualTo(40.0);
    assertThat(value("record-e2e-latency-min")).isEqualTo(1.0);
    assertThat(value("record-e2e-latency-avg"))
        .as("weighted by records, not by batches").isEqualTo(14.0);
  }

  @Test
  void readingTheTotalFlushesAndNothingProcessedGivesNoAverage() {
    assertThat(value("record-e2e-latency-avg")).isNaN();

    taskMetrics.recordProcessed(0L, 3L);

    assertThat(taskMetrics.processTotal()).isEqualTo(1.0);
    assertThat(value("record-e2e-latency-avg")).isEqualTo(3.0);
  }

  @Test
  void aSecondInstanceForTheSameTaskSharesTheMetricsAndCloseRemovesThem() {
    TaskMetrics again = new TaskMetrics(metrics, TASK);
    taskMetrics.recordProcessed(0L, 2L);
    taskMetrics.flush();
    again.recordProcessed(0L, 4L);
    again.flush();

    assertThat(value("process-total")).isEqualTo(2.0);
    assertThat(value("record-e2e-latency-avg")).isEqualTo(3.0);

    again.close();
    assertThat(metrics.metrics().keySet())
        .noneMatch(name -> name.group().equals(TaskMetrics.GROUP));
  }
}
