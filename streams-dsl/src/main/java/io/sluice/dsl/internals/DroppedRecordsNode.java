package io.sluice.dsl.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import java.util.List;

/**
 * The dropped-records side output of one operator node: a child {@code <operator>-dropped} that
 * passes on only the records the operator's {@link DropReporter} forwards to it by name, and
 * ignores the operator's regular output, which the engine sends to every child.
 */
final class DroppedRecordsNode extends GraphNode {
  private final DropSpec spec;

  DroppedRecordsNode(String name, GraphNode operator, DropSpec spec) {
    super(name, false, List.of(operator));
    this.spec = spec;
  }

  @Override
  void writeTo(Topology topology) {
    topology.addProcessor(name(), () -> new Gate<Object, Object>(spec), parentNames());
  }

  /** Forwards a record only when the operator is forwarding a dropped one to this node. */
  private static final class Gate<K, V> implements Processor<K, V, K, V> {
    private final DropSpec spec;
    private ProcessorContext<K, V> context;

    Gate(DropSpec spec) {
      this.spec = spec;
    }

    @Override
    public void init(ProcessorContext<K, V> context) {
      this.context = context;
    }

    @Override
    public void process(Record<K, V> record) {
      if (spec.takeForwardingDropped()) {
        context.forward(record);
      }
    }
  }
}
