package io.sluice.dsl.internals;

import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.processor.RecordMetadata;
import io.sluice.state.TaskId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Meter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the records one processor instance of a DSL operator drops (late, null key, ...), so
 * that no record disappears silently:
 *
 * <ul>
 *   <li>every drop is recorded on a sensor: {@value #TOTAL_METRIC} (count since the task started)
 *       and {@value #RATE_METRIC} (drops per second) in group {@value #METRIC_GROUP}, tagged
 *       {@code task-id} and {@code processor-node-id} (the operator's name);
 *   <li>when a side output was attached ({@code droppedRecords(Named)}), the record, as the
 *       operator received it, is forwarded to the operator's child {@code <operator>-dropped} with
 *       the headers {@value #REASON_HEADER} ({@link DropReason} name), {@value #OPERATOR_HEADER}
 *       and, for late records, {@value #WINDOW_CLOSE_HEADER} (decimal epoch milliseconds), all
 *       UTF-8; earlier values of these headers are replaced;
 *   <li>otherwise a WARN line is logged, at most one per operator every {@value #LOG_INTERVAL_MS}
 *       ms of wall-clock time, with the number of drops since the previous line.
 * </ul>
 *
 * <p>Life cycle: create one per processor instance, call {@link #init} from {@code
 * Processor.init} and {@link #close} from {@code Processor.close} (which removes the sensor). All
 * processors of one operator in one task share its sensor.
 */
public final class DropReporter {
  /** Header naming the {@link DropReason}. */
  public static final String REASON_HEADER = "sluice.dropped.reason";
  /** Header naming the operator that dropped the record. */
  public static final String OPERATOR_HEADER = "sluice.dropped.operator";
  /** Header with the close time of the window a late record was too late for. */
  public static final String WINDOW_CLOSE_HEADER = "sluice.dropped.window.close.ms";
  /** Metric group of the dropped-records metrics. */
  public static final String METRIC_GROUP = "stream-processor-node-metrics";
  /** Metric: drops since the task started. */
  public static final String TOTAL_METRIC = "dropped-records-total";
  /** Metric: drops per second over the metrics window. */
  public static final String RATE_METRIC = "dropped-records-rate";
  /** Minimum wall-clock time between two log lines of one operator, in milliseconds. */
  public static final long LOG_INTERVAL_MS = 10_000L;

  private static final Logger LOG = LoggerFactory.getLogger(DropReporter.class);

  private final DropSpec spec;
  private ProcessorContext<?, ?> context;
  private Sensor sensor;
  private String sensorName;

  /**
   * @param spec the operator's shared drop settings
   * @throws NullPointerException if {@code spec} is null
   */
  public DropReporter(DropSpec spec) {
    this.spec = Objects.requireNonNull(spec, "DropReporter: spec");
  }

  /**
   * Creates the operator's sensor for the context's task, or joins it when another node of the
   * same operator created it.
   *
   * @param context the processor's context
   */
  public void init(ProcessorContext<?, ?> context) {
    this.context = Objects.requireNonNull(context, "DropReporter.init: context");
    TaskId task = context.taskId();
    Metrics metrics = context.metrics();
    sensorName = "sluice.dropped-records." + task + "." + spec.operatorName();
    sensor = metrics.getSensor(sensorName);
    if (sensor == null) {
      Sensor created = metrics.sensor(sensorName);
      Map<String, String> tags =
          Map.of("task-id", task.toString(), "processor-node-id", spec.operatorName());
      created.add(new Meter(TimeUnit.SECONDS,
          metrics.metricName(RATE_METRIC, METRIC_GROUP,
              "Records this operator dropped per second (late, null key, ...)", tags),
          metrics.metricName(TOTAL_METRIC, METRIC_GROUP,
              "Records this operator dropped since the task started (late, null key, ...)",
              tags)));
      sensor = created;
    }
  }

  /**
   * Reports a record dropped for a reason other than lateness.
   *
   * @param record the record as the operator received it, typed as the operator's input
   * @param reason why it was dropped
   * @throws IllegalStateException if {@link #init} was not called
   */
  public void drop(Record<?, ?> record, DropReason reason) {
    report(record, reason, null);
  }

  /**
   * Reports a record dropped because it arrived after its window closed.
   *
   * @param record the record as the operator received it, typed as the operator's input
   * @param windowCloseMs the close time (window end plus grace) of the window, epoch milliseconds
   * @throws IllegalStateException if {@link #init} was not called
   */
  public void dropLate(Record<?, ?> record, long windowCloseMs) {
    report(record, DropReason.LATE, windowCloseMs);
  }

  /**
   * Removes the operator's sensor for this task. Processors of one task close together, so a
   * sensor shared by several nodes of one operator goes when the task's processors close.
   */
  public void close() {
    if (context != null && sensor != null) {
      context.metrics().removeSensor(sensorName);
      sensor = null;
    }
  }

  private void report(Record<?, ?> record, DropReason reason, Long windowCloseMs) {
    if (context == null || sensor == null) {
      throw new IllegalStateException("DropReporter of operator '" + spec.operatorName()
          + "' used before init() or after close(); call init from Processor.init");
    }
    Objects.requireNonNull(record, "DropReporter: record");
    Objects.requireNonNull(reason, "DropReporter: reason");
    sensor.record();
    if (spec.sideOutputAttached()) {
      forward(tagged(record, reason, windowCloseMs));
      return;
    }
    long toLog = spec.countForLog(context.currentSystemTimeMs(), LOG_INTERVAL_MS);
    if (toLog > 0) {
      LOG.warn("Operator '{}' dropped {} record(s) since its last report (latest: reason {}{}, "
              + "task {}{}); metric {} counts them; attach droppedRecords(Named.as(\"{}\")) to"
              + " receive them as a stream", spec.operatorName(), toLog, reason,
          windowCloseMs == null ? "" : ", window closed at " + windowCloseMs,
          context.taskId(), where(context.recordMetadata()), TOTAL_METRIC, spec.operatorName());
    }
  }

  private static String where(Optional<RecordMetadata> metadata) {
    return metadata.map(m -> ", from " + m.topic() + "-" + m.partition() + "@" + m.offset())
        .orElse("");
  }

  private Record<?, ?> tagged(Record<?, ?> record, DropReason reason, Long windowCloseMs) {
    Record<?, ?> copy = record.withHeaders(record.headers());
    Headers headers = copy.headers();
    headers.remove(REASON_HEADER).add(REASON_HEADER, utf8(reason.name()));
    headers.remove(OPERATOR_HEADER).add(OPERATOR_HEADER, utf8(spec.operatorName()));
    headers.remove(WINDOW_CLOSE_HEADER);
    if (windowCloseMs != null) {
      headers.add(WINDOW_CLOSE_HEADER, utf8(Long.toString(windowCloseMs)));
    }
    return copy;
  }

  private void forward(Record<?, ?> record) {
    // The operator's context forwards its output type; the side-output child reads the operator's
    // input type, which the engine does not check (children are untyped at run time).
    @SuppressWarnings("unchecked")
    ProcessorContext<Object, Object> untyped = (ProcessorContext<Object, Object>) context;
    @SuppressWarnings("unchecked")
    Record<Object, Object> untypedRecord = (Record<Object, Object>) record;
    spec.forwardingDropped(true);
    try {
      untyped.forward(untypedRecord, spec.sideOutputName());
    } finally {
      spec.forwardingDropped(false);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
