package io.sluice.processor;

import io.sluice.state.StateStore;
import io.sluice.state.TaskId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.metrics.Metrics;

/**
 * A fixed-key processor's view of its task: like {@link ProcessorContext} but forwarding only
 * {@link FixedKeyRecord}s, so the key cannot change.
 *
 * @param <K> key type
 * @param <VOut> value type of forwarded records
 */
public interface FixedKeyProcessorContext<K, VOut> {
  /** Sends {@code record} to every child (see {@link ProcessorContext#forward(Record)}). */
  <V extends VOut> void forward(FixedKeyRecord<K, V> record);

  /**
   * Sends {@code record} to one child.
   *
   * @throws TopologyException if there is no such child
   */
  <V extends VOut> void forward(FixedKeyRecord<K, V> record, String childName);

  /** See {@link ProcessorContext#schedule}. */
  Cancellable schedule(Duration interval, PunctuationType type, Punctuator punctuator);

  /** See {@link ProcessorContext#getStateStore}. */
  <S extends StateStore> S getStateStore(String name);

  /** See {@link ProcessorContext#recordMetadata}. */
  Optional<RecordMetadata> recordMetadata();

  /** The task this processor instance belongs to. */
  TaskId taskId();

  /** See {@link ProcessorContext#metrics}. */
  Metrics metrics();

  /** The {@code application.id}. */
  String applicationId();

  /** The application configuration. */
  Map<String, Object> appConfigs();

  /** See {@link ProcessorContext#currentStreamTimeMs}. */
  long currentStreamTimeMs();

  /** See {@link ProcessorContext#currentSystemTimeMs}. */
  long currentSystemTimeMs();

  /** Asks for a commit. */
  void commit();
}
