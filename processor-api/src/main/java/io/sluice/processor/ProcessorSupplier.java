package io.sluice.processor;

/**
 * Creates a processor for each task.
 *
 * @param <KIn> input key type
 * @param <VIn> input value type
 * @param <KOut> output key type
 * @param <VOut> output value type
 */
@FunctionalInterface
public interface ProcessorSupplier<KIn, VIn, KOut, VOut> extends ConnectedStores {
  /**
   * A new processor instance on every call; returning the same instance twice fails the task
   * build with an error naming the processor.
   */
  Processor<KIn, VIn, KOut, VOut> get();
}
