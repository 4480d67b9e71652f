package io.sluice.runtime.internals;

import io.sluice.processor.Cancellable;
import io.sluice.processor.FixedKeyProcessorContext;
import io.sluice.processor.FixedKeyRecord;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.PunctuationType;
import io.sluice.processor.Punctuator;
import io.sluice.processor.RecordMetadata;
import io.sluice.state.StateStore;
import io.sluice.state.TaskId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.metrics.Metrics;

/** A fixed-key view of a processor context: forwards the records it is given unchanged. */
final class FixedKeyContext<K, VOut> implements FixedKeyProcessorContext<K, VOut> {
  private final ProcessorContext<K, VOut> context;

  FixedKeyContext(ProcessorContext<K, VOut> context) {
    this.context = context;
  }

  @Override
  public <V extends VOut> void forward(FixedKeyRecord<K, V> record) {
    context.forward(record.toRecord());
  }

  @Override
  public <V extends VOut> void forward(FixedKeyRecord<K, V> record, String childName) {
    context.forward(record.toRecord(), childName);
  }

  @Override
  public Cancellable schedule(Duration interval, PunctuationType type, Punctuator punctuator) {
    return context.schedule(interval, type, punctuator);
  }

  @Override
  public <S extends StateStore> S getStateStore(String name) {
    return context.getStateStore(name);
  }

  @Override
  public Optional<RecordMetadata> recordMetadata() {
    return context.recordMetadata();
  }

  @Override
  public Metrics metrics() {
    return context.metrics();
  }

  @Override
  public TaskId taskId() {
    return context.taskId();
  }

  @Override
  public String applicationId() {
    return context.applicationId();
  }

  @Override
  public Map<String, Object> appConfigs() {
    return context.appConfigs();
  }

  @Override
  public long currentStreamTimeMs() {
    return context.currentStreamTimeMs();
  }

  @Override
  public long currentSystemTimeMs() {
    return context.currentSystemTimeMs();
  }

  @Override
  public void commit() {
    context.commit();
  }
}
