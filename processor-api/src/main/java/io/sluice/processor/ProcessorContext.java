package io.sluice.processor;

import io.sluice.state.StateStore;
import io.sluice.state.TaskId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.Serde;

/**
 * A processor's view of its task: forwarding, punctuation, stores and metadata. Valid from {@link
 * Processor#init} until {@link Processor#close}; used only on the task's thread.
 *
 * @param <KOut> key type of forwarded records
 * @param <VOut> value type of forwarded records
 */
public interface ProcessorContext<KOut, VOut> {
  /** Sends {@code record} to every child of this processor, depth-first, before returning. */
  <K extends KOut, V extends VOut> void forward(Record<K, V> record);

  /**
   * Sends {@code record} to one child.
   *
   * @throws TopologyException if this processor has no child named {@code childName}; the message
   *     lists its children
   */
  <K extends KOut, V extends VOut> void forward(Record<K, V> record, String childName);

  /**
   * Schedules {@code punctuator} every {@code interval} of the given clock. Stream-time
   * punctuators first fire when stream time reaches the time of scheduling (rounded as documented
   * in the engine), then at each interval boundary that stream time passes, once per advance.
   *
   * @param interval at least 1 ms
   * @return a handle that cancels the schedule
   * @throws IllegalArgumentException if {@code interval} is shorter than 1 ms
   */
  Cancellable schedule(Duration interval, PunctuationType type, Punctuator punctuator);

  /**
   * A store connected to this processor.
   *
   * @throws TopologyException if no store of that name is connected to this processor; the
   *     message names the processor and the store and tells how to connect it
   */
  <S extends StateStore> S getStateStore(String name);

  /** Where the current record was read from; empty during punctuation and for records without one. */
  Optional<RecordMetadata> recordMetadata();

  /** The task this processor instance belongs to. */
  TaskId taskId();

  /**
   * The instance's metrics registry, where processors may add their own sensors. Tag them with
   * {@link #taskId()} and remove them in {@code close()}, as tasks come and go.
   *
   * @return the registry shared by every task of the instance
   */
  Metrics metrics();

  /** The {@code application.id}. */
  String applicationId();

  /** The application configuration (originals included). */
  Map<String, Object> appConfigs();

  /** The task's stream time in epoch milliseconds, or {@link Long#MIN_VALUE} before any record. */
  long currentStreamTimeMs();

  /** The thread's wall-clock time in epoch milliseconds. */
  long currentSystemTimeMs();

  /** Asks for a commit as soon as possible after the current record or punctuation. */
  void commit();

  /** The configured {@code default.key.serde}. */
  Serde<?> keySerde();

  /** The configured {@code default.value.serde}. */
  Serde<?> valueSerde();
}
