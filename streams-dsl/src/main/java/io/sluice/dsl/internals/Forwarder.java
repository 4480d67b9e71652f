package io.sluice.dsl.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;

/** Base of the DSL's key-changing processors: keeps the context for forwarding. */
abstract class Forwarder<KIn, VIn, KOut, VOut> implements Processor<KIn, VIn, KOut, VOut> {
  private ProcessorContext<KOut, VOut> context;

  @Override
  public final void init(ProcessorContext<KOut, VOut> context) {
    this.context = context;
  }

  /** @return the context given to {@link #init} */
  final ProcessorContext<KOut, VOut> context() {
    return context;
  }
}
