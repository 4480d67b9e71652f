package io.sluice.state.internals;

import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.StateStoreException;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serde;

/**
 * The part every metered (outermost) store layer shares: resolving the serdes when the store
 * opens (the builder's, or the configured defaults), creating its {@link StoreMetrics} and
 * sensors, timing {@code flush}, and removing the sensors again on {@code close} or on a failed
 * {@code init}. Subclasses create their operation sensors in {@link #createSensors} and time their
 * operations with an explicit {@code try/finally} around {@link Sensor#record(double)}, so the
 * per-record paths allocate nothing for timing.
 *
 * @param <S> the byte store type of the layer below
 * @param <K> the key type
 * @param <V> the value type
 */
abstract class MeteredStore<S extends StateStore, K, V> extends WrappedStateStore<S> {

  private final String metricsScope;
  private final Serde<K> keySerde;
  private final Serde<V> valueSerde;
  private StateSerdes<K, V> serdesOrNull;
  private StoreMetrics metrics;
  private Sensor flushSensor;

  /**
   * @param metricsScope the {@code store-type} tag of the store's metrics
   * @param keySerde the key serde, or {@code null} for {@code default.key.serde}
   * @param valueSerde the value serde, or {@code null} for {@code default.value.serde}
   */
  MeteredStore(S inner, String metricsScope, Serde<K> keySerde, Serde<V> valueSerde) {
    super(inner);
    this.metricsScope = metricsScope;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
  }

  /** The value serde to use: the given one or the context's default. */
  Serde<V> resolveValueSerde(Serde<V> given, InternalStoreContext context) {
    return StateSerdes.valueSerdeOrDefault(given, context, name());
  }

  /** Creates the operation sensors of this layer; called once per {@code init}, before flush's. */
  abstract void createSensors(StoreMetrics metrics);

  /**
   * Resolves the serdes, creates the sensors and opens the layers below; if opening them fails,
   * the sensors are removed and the failure is rethrown.
   *
   * @throws StateStoreException if the context is not an {@link InternalStoreContext} or a
   *     default serde is needed but not configured
   */
  @Override
  public final void init(StateStoreContext context, StateStore root) {
    InternalStoreContext internal = StoreContexts.internal(context, name());
    serdesOrNull =
        new StateSerdes<>(
            name(),
            StoreContexts.changelogTopic(context, name()),
            StateSerdes.keySerdeOrDefault(keySerde, internal, name()),
            resolveValueSerde(valueSerde, internal));
    metrics = new StoreMetrics(context.metrics(), context.taskId(), metricsScope, name());
    createSensors(metrics);
    flushSensor = metrics.latencySensor("flush");
    try {
      super.init(context, root);
    } catch (RuntimeException e) {
      metrics.close();
      throw e;
    }
  }

  /**
   * Flushes the layers below, timed by the {@code flush} sensor.
   *
   * @throws StateStoreException if the store is not initialised
   */
  @Override
  public final void flush() {
    serdes();
    long start = System.nanoTime();
    try {
      super.flush();
    } finally {
      flushSensor.record(System.nanoTime() - start);
    }
  }

  /** Closes the layers below, then removes this store's sensors even if closing failed. */
  @Override
  public final void close() {
    try {
      super.close();
    } finally {
      if (metrics != null) {
        metrics.close();
      }
    }
  }

  /**
   * The serdes resolved by {@code init}.
   *
   * @throws StateStoreException if the store is not initialised
   */
  final StateSerdes<K, V> serdes() {
    StateSerdes<K, V> serdes = serdesOrNull;
    if (serdes == null) {
      throw new StateStoreException(
          "store " + name() + " is not initialised; the task initialises it before use");
    }
    return serdes;
  }
}
