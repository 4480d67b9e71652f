package io.sluice.dsl.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import java.util.ArrayList;
import java.util.List;

/**
 * The null-key filter in front of a repartition topic that the optimizer merged from several: a
 * record with a {@code null} key would have been dropped before each of the original topics, so it
 * is reported as dropped by each operator they fed.
 */
final class MergedRepartitionFilter<K, V> implements ProcessorSupplier<K, V, K, V> {
  private final List<DropSpec> specs;

  MergedRepartitionFilter(List<DropSpec> specs) {
    this.specs = List.copyOf(specs);
  }

  @Override
  public Processor<K, V, K, V> get() {
    return new Processor<>() {
      private final List<DropReporter> reporters = new ArrayList<>();
      private ProcessorContext<K, V> context;

      @Override
      public void init(ProcessorContext<K, V> context) {
        this.context = context;
        for (DropSpec spec : specs) {
          DropReporter reporter = new DropReporter(spec);
          reporter.init(context);
          reporters.add(reporter);
        }
      }

      @Override
      public void process(Record<K, V> record) {
        if (record.key() != null) {
          context.forward(record);
          return;
        }
        for (DropReporter reporter : reporters) {
          reporter.drop(record, DropReason.NULL_KEY);
        }
      }

      @Override
      public void close() {
        reporters.forEach(DropReporter::close);
      }
    };
  }
}
