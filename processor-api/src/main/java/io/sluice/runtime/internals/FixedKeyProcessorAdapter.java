package io.sluice.runtime.internals;

import io.sluice.processor.FixedKeyProcessor;
import io.sluice.processor.FixedKeyProcessorContext;
import io.sluice.processor.FixedKeyProcessorSupplier;
import io.sluice.processor.FixedKeyRecord;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.state.StoreBuilder;
import java.util.Set;

/** Runs a {@link FixedKeyProcessor} as a plain processor whose output key is its input key. */
public final class FixedKeyProcessorAdapter<K, VIn, VOut> implements Processor<K, VIn, K, VOut> {
  private final FixedKeyProcessor<K, VIn, VOut> delegate;

  private FixedKeyProcessorAdapter(FixedKeyProcessor<K, VIn, VOut> delegate) {
    this.delegate = delegate;
  }

  /** A supplier of adapters around the processors {@code supplier} creates. */
  public static <K, VIn, VOut> ProcessorSupplier<K, VIn, K, VOut> supplier(
      FixedKeyProcessorSupplier<K, VIn, VOut> supplier) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<K, VIn, K, VOut> get() {
        return new FixedKeyProcessorAdapter<>(supplier.get());
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return supplier.stores();
      }
    };
  }

  @Override
  public void init(ProcessorContext<K, VOut> context) {
    delegate.init(new FixedKeyContext<>(context));
  }

  @Override
  public void process(Record<K, VIn> record) {
    delegate.process(FixedKeyRecord.of(record));
  }

  @Override
  public void close() {
    delegate.close();
  }
}
