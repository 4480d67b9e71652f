package io.sluice.processor;

/**
 * Processes records one at a time and forwards results to its children through its context.
 * Each task gets its own instance from a {@link ProcessorSupplier}; an instance is used by one
 * thread only.
 *
 * @param <KIn> input key type
 * @param <VIn> input value type
 * @param <KOut> output key type
 * @param <VOut> output value type
 */
public interface Processor<KIn, VIn, KOut, VOut> {
  /**
   * Called once before the first record, when the task's stores are ready: keep the context,
   * look up stores, schedule punctuators.
   */
  default void init(ProcessorContext<KOut, VOut> context) {}

  /** Processes one record; exceptions go to the processing exception handler. */
  void process(Record<KIn, VIn> record);

  /** Called once when the task closes; release resources here (not the stores). */
  default void close() {}
}
