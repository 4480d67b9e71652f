package io.sluice.runtime.internals;

import io.sluice.processor.TimestampExtractor;
import io.sluice.runtime.DeserializationExceptionHandler;
import io.sluice.runtime.ProcessingExceptionHandler;
import io.sluice.runtime.ProductionExceptionHandler;
import io.sluice.runtime.StreamsConfig;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.Serde;

/**
 * The settings and shared objects the engine reads on its hot path, resolved once from {@link
 * StreamsConfig}: defaults, handlers, the metrics registry.
 *
 * @param maxTaskIdleMs {@code max.task.idle.ms}; -1 never waits for empty partitions
 * @param deadLetterTopic {@code errors.dead.letter.queue.topic.name}, or null if unset
 */
public record EngineConfig(
    String applicationId,
    Map<String, Object> appConfigs,
    boolean exactlyOnce,
    long maxTaskIdleMs,
    Serde<?> defaultKeySerde,
    Serde<?> defaultValueSerde,
    TimestampExtractor defaultTimestampExtractor,
    DeserializationExceptionHandler deserializationHandler,
    ProcessingExceptionHandler processingHandler,
    ProductionExceptionHandler productionHandler,
    String deadLetterTopic,
    Metrics metrics) {

  /** Resolves the engine settings of {@code config}, registering metrics in {@code metrics}. */
  public static EngineConfig from(StreamsConfig config, Metrics metrics) {
    return new EngineConfig(
        config.getString(StreamsConfig.APPLICATION_ID),
        appConfigs(config),
        config.exactlyOnce(),
        config.getLong(StreamsConfig.MAX_TASK_IDLE_MS),
        config.defaultKeySerde(),
        config.defaultValueSerde(),
        config.getConfiguredInstance(
            StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR, TimestampExtractor.class),
        config.getConfiguredInstance(
            StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER, DeserializationExceptionHandler.class),
        config.getConfiguredInstance(
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER, ProcessingExceptionHandler.class),
        config.getConfiguredInstance(
            StreamsConfig.PRODUCTION_EXCEPTION_HANDLER, ProductionExceptionHandler.class),
        config.getString(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME),
        metrics);
  }

  /** These settings with another {@code max.task.idle.ms}. */
  public EngineConfig withMaxTaskIdleMs(long idleMs) {
    return new EngineConfig(applicationId, appConfigs, exactlyOnce, idleMs, defaultKeySerde,
        defaultValueSerde, defaultTimestampExtractor, deserializationHandler, processingHandler,
        productionHandler, deadLetterTopic, metrics);
  }

  private static Map<String, Object> appConfigs(StreamsConfig config) {
    Map<String, Object> all = new HashMap<>(config.originals());
    all.putAll(config.values());
    return Collections.unmodifiableMap(all);
  }
}
