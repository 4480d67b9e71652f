package io.sluice.processor;

/**
 * Creates a fixed-key processor for each task.
 *
 * @param <K> key type
 * @param <VIn> input value type
 * @param <VOut> output value type
 */
@FunctionalInterface
public interface FixedKeyProcessorSupplier<K, VIn, VOut> extends ConnectedStores {
  /** A new processor instance on every call (see {@link ProcessorSupplier#get()}). */
  FixedKeyProcessor<K, VIn, VOut> get();
}
