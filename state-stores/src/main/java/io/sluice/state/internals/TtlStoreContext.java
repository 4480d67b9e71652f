package io.sluice.state.internals;

import io.sluice.state.StateRestoreCallback;
import io.sluice.state.StateStore;
import io.sluice.state.TaskId;
import java.io.File;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * The engine context as a time-to-live layer hands it to the layers below: everything is passed
 * through, except that the restore callback the byte store registers is first wrapped by the
 * time-to-live layer, so that restoration goes through its expiry rule and its time index.
 */
final class TtlStoreContext implements InternalStoreContext {

  private final InternalStoreContext delegate;
  private final UnaryOperator<StateRestoreCallback> restoreWrapper;

  TtlStoreContext(
      InternalStoreContext delegate, UnaryOperator<StateRestoreCallback> restoreWrapper) {
    this.delegate = delegate;
    this.restoreWrapper = restoreWrapper;
  }

  @Override
  public void register(StateStore store, StateRestoreCallback callback) {
    delegate.register(store, restoreWrapper.apply(callback));
  }

  @Override
  public ProcessorRecordContext recordContext() {
    return delegate.recordContext();
  }

  @Override
  public void setRecordContext(ProcessorRecordContext context) {
    delegate.setRecordContext(context);
  }

  @Override
  public void logChange(String storeName, Bytes key, byte[] value, long timestamp) {
    delegate.logChange(storeName, key, value, timestamp);
  }

  @Override
  public Serde<?> defaultKeySerde() {
    return delegate.defaultKeySerde();
  }

  @Override
  public Serde<?> defaultValueSerde() {
    return delegate.defaultValueSerde();
  }

  @Override
  public ThreadCache cache() {
    return delegate.cache();
  }

  @Override
  public String applicationId() {
    return delegate.applicationId();
  }

  @Override
  public TaskId taskId() {
    return delegate.taskId();
  }

  @Override
  public File stateDir() {
    return delegate.stateDir();
  }

  @Override
  public Map<String, Object> appConfigs() {
    return delegate.appConfigs();
  }

  @Override
  public Metrics metrics() {
    return delegate.metrics();
  }

  @Override
  public long currentStreamTimeMs() {
    return delegate.currentStreamTimeMs();
  }
}
