package io.sluice.dsl.internals;

import io.sluice.processor.FixedKeyProcessor;
import io.sluice.processor.FixedKeyProcessorContext;

/** Base of the DSL's key-keeping processors: keeps the context for forwarding. */
abstract class FixedKeyForwarder<K, VIn, VOut> implements FixedKeyProcessor<K, VIn, VOut> {
  private FixedKeyProcessorContext<K, VOut> context;

  @Override
  public final void init(FixedKeyProcessorContext<K, VOut> context) {
    this.context = context;
  }

  /** @return the context given to {@link #init} */
  final FixedKeyProcessorContext<K, VOut> context() {
    return context;
  }
}
