package io.sluice.processor;

/**
 * A processor that keeps each record's key: it can change values, timestamps and headers only,
 * so downstream grouping needs no repartitioning.
 *
 * @param <K> key type
 * @param <VIn> input value type
 * @param <VOut> output value type
 */
public interface FixedKeyProcessor<K, VIn, VOut> {
  /** Called once before the first record (see {@link Processor#init}). */
  default void init(FixedKeyProcessorContext<K, VOut> context) {}

  /** Processes one record. */
  void process(FixedKeyRecord<K, VIn> record);

  /** Called once when the task closes. */
  default void close() {}
}
