package io.sluice.runtime.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;

/** The processor of a source node: hands each deserialized record to the source's children. */
final class SourceProcessor implements Processor<Object, Object, Object, Object> {
  private ProcessorContext<Object, Object> context;

  @Override
  public void init(ProcessorContext<Object, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<Object, Object> record) {
    context.forward(record);
  }
}
