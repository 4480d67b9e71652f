package io.sluice.runtime;

import io.sluice.processor.RecordTimestampExtractor;
import io.sluice.processor.TimestampExtractor;
import io.sluice.runtime.internals.ClientConfigs;
import io.sluice.runtime.internals.ConfigValidators;
import io.sluice.state.RocksDBConfigSetter;
import io.sluice.state.internals.StoreSettings;
import java.io.File;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serde;

/**
 * The settings of a Sluice application, each defined once with type, default, validator,
 * importance and documentation. Invalid values fail at construction with a {@link
 * ConfigException} naming the setting, the value and what is valid.
 */
public final class StreamsConfig extends AbstractConfig {
  /** Identifies the application: consumer group id and prefix of internal topics. */
  public static final String APPLICATION_ID = "application.id";
  /** Kafka brokers to bootstrap from. */
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  /** Serde class for keys where none is given. */
  public static final String DEFAULT_KEY_SERDE = "default.key.serde";
  /** Serde class for values where none is given. */
  public static final String DEFAULT_VALUE_SERDE = "default.value.serde";
  /** Timestamp extractor class for sources without their own. */
  public static final String DEFAULT_TIMESTAMP_EXTRACTOR = "default.timestamp.extractor";
  /** {@value #AT_LEAST_ONCE} or {@value #EXACTLY_ONCE_V2}. */
  public static final String PROCESSING_GUARANTEE = "processing.guarantee";
  /** Value of {@link #PROCESSING_GUARANTEE}: records may be processed again after a failure. */
  public static final String AT_LEAST_ONCE = "at_least_once";
  /** Value of {@link #PROCESSING_GUARANTEE}: transactions give exactly-once results. */
  public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";
  /** Root directory of local state. */
  public static final String STATE_DIR = "state.dir";
  /** How long an unassigned task's state directory stays before it is deleted, in ms. */
  public static final String STATE_CLEANUP_DELAY_MS = "state.cleanup.delay.ms";
  /** How often tasks commit, in milliseconds. */
  public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
  /** How long a task waits for data on an empty partition before processing others, in ms. */
  public static final String MAX_TASK_IDLE_MS = "max.task.idle.ms";
  /** Records buffered per partition before the partition is paused. */
  public static final String BUFFERED_RECORDS_PER_PARTITION = "buffered.records.per.partition";
  /** Bytes of record caches per instance. */
  public static final String STATESTORE_CACHE_MAX_BYTES = "statestore.cache.max.bytes";
  /** Handler class for undeserializable input and invalid timestamps. */
  public static final String DESERIALIZATION_EXCEPTION_HANDLER =
      "deserialization.exception.handler";
  /** Handler class for exceptions thrown by processors. */
  public static final String PROCESSING_EXCEPTION_HANDLER = "processing.exception.handler";
  /** Handler class for output records that cannot be serialized. */
  public static final String PRODUCTION_EXCEPTION_HANDLER = "production.exception.handler";
  /** Topic receiving records a handler answers DEAD_LETTER for; unset: none. */
  public static final String ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME =
      "errors.dead.letter.queue.topic.name";
  /** Stream threads per instance. */
  public static final String NUM_STREAM_THREADS = "num.stream.threads";
  /** Bytes of RocksDB memory (block cache, write buffers, indexes, filters) per process. */
  public static final String ROCKSDB_MEMORY_MAX_BYTES = StoreSettings.ROCKSDB_MEMORY_MAX_BYTES;
  /** {@link RocksDBConfigSetter} class adjusting each RocksDB store's options. */
  public static final String ROCKSDB_CONFIG_SETTER = RocksDBConfigSetter.CONFIG;
  /** Milliseconds added to a window or session store's retention for its changelog's. */
  public static final String WINDOWSTORE_CHANGELOG_ADDITIONAL_RETENTION_MS =
      "windowstore.changelog.additional.retention.ms";
  /** Replication factor of internal topics; -1 uses the broker's default. */
  public static final String REPLICATION_FACTOR = "replication.factor";
  /** {@value #NO_OPTIMIZATION} or {@value #OPTIMIZE}. */
  public static final String TOPOLOGY_OPTIMIZATION = "topology.optimization";
  /** Value of {@link #TOPOLOGY_OPTIMIZATION}: the topology runs as written. */
  public static final String NO_OPTIMIZATION = "none";
  /** Value of {@link #TOPOLOGY_OPTIMIZATION}: every optimization applies. */
  public static final String OPTIMIZE = "all";
  /** How often consumed repartition records are deleted, in ms. */
  public static final String REPARTITION_PURGE_INTERVAL_MS = "repartition.purge.interval.ms";
  /** host:port where this instance serves interactive queries, or empty. */
  public static final String APPLICATION_SERVER = "application.server";
  /** Prefix of the client ids of the instance's internal clients. */
  public static final String CLIENT_ID = "client.id";
  /** Standby replicas kept per stateful task. */
  public static final String NUM_STANDBY_REPLICAS = "num.standby.replicas";
  /** Changelog records a client may lag behind and still be given an active stateful task. */
  public static final String ACCEPTABLE_RECOVERY_LAG = "acceptable.recovery.lag";
  /** Milliseconds between rebalances that check whether warmed-up replicas can take over. */
  public static final String PROBING_REBALANCE_INTERVAL_MS = "probing.rebalance.interval.ms";
  /** Warm-up replicas assigned at once, beyond the standbys. */
  public static final String MAX_WARMUP_REPLICAS = "max.warmup.replicas";
  /** Longest a stream thread blocks polling for records, in ms. */
  public static final String POLL_MS = "poll.ms";
  /** INFO, DEBUG or TRACE: the most detailed metrics recorded. */
  public static final String METRICS_RECORDING_LEVEL = "metrics.recording.level";
  /** Whether a topology whose internal topics or stores have generated names is rejected. */
  public static final String ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING =
      "ensure.explicit.internal.resource.naming";
  /** The store type of DSL operators whose {@code Materialized} names no supplier. */
  public static final String DEFAULT_DSL_STORE = "default.dsl.store";
  /** Value of {@link #DEFAULT_DSL_STORE}: RocksDB stores (the default). */
  public static final String ROCKS_DB = "rocksDB";
  /** Value of {@link #DEFAULT_DSL_STORE}: in-memory stores. */
  public static final String IN_MEMORY = "in_memory";
  /** Prefix of settings for every consumer of the instance. */
  public static final String CONSUMER_PREFIX = ClientConfigs.CONSUMER_PREFIX;
  /** Prefix of settings for the main consumer only; overrides {@value #CONSUMER_PREFIX}. */
  public static final String MAIN_CONSUMER_PREFIX = ClientConfigs.MAIN_CONSUMER_PREFIX;
  /** Prefix of settings for the restore consumer only; overrides {@value #CONSUMER_PREFIX}. */
  public static final String RESTORE_CONSUMER_PREFIX = ClientConfigs.RESTORE_CONSUMER_PREFIX;
  /** Prefix of settings for the global consumer only; overrides {@value #CONSUMER_PREFIX}. */
  public static final String GLOBAL_CONSUMER_PREFIX = ClientConfigs.GLOBAL_CONSUMER_PREFIX;
  /** Prefix of settings for producers. */
  public static final String PRODUCER_PREFIX = ClientConfigs.PRODUCER_PREFIX;
  /** Prefix of settings for the admin client. */
  public static final String ADMIN_PREFIX = ClientConfigs.ADMIN_PREFIX;
  /**
   * Prefix of settings passed to the internal topics the application creates (changelogs): {@code
   * topic.segment.bytes} sets {@code segment.bytes}. A store's own {@link
   * io.sluice.state.StoreBuilder#logConfig() log config} takes precedence.
   */
  public static final String TOPIC_PREFIX = "topic.";

  private static final long EOS_COMMIT_INTERVAL_MS = 100L;
  private static final Pattern LEGAL_TOPIC_CHARS = Pattern.compile("[a-zA-Z0-9._-]+");
  private static final ConfigDef DEFINITION = define();

  private final ClientConfigs clientConfigs;

  /**
   * @param props the settings; unknown keys are kept as originals for clients and stores.
   *     Unprefixed settings a Kafka client knows (such as {@code security.protocol}, {@code
   *     sasl.jaas.config}, {@code ssl.*}) reach every internal client; prefixed ones ({@value
   *     #CONSUMER_PREFIX}, {@value #PRODUCER_PREFIX}, ...) override them for one client type.
   * @throws ConfigException if a setting is missing or invalid, or overrides a client setting
   *     Sluice must own ({@code group.protocol} other than classic, {@code
   *     enable.auto.commit=true}; under exactly_once_v2 {@code enable.idempotence=false}, {@code
   *     acks} other than all, {@code isolation.level=read_uncommitted}), with or without prefix
   */
  public StreamsConfig(Map<?, ?> props) {
    super(DEFINITION, props, false);
    clientConfigs = new ClientConfigs(originals(), exactlyOnce());
  }

  /**
   * Checks the settings a running application needs but the test driver does not; the Kafka
   * runtime calls this before creating clients.
   *
   * @throws ConfigException naming {@value #BOOTSTRAP_SERVERS} if it is empty
   */
  public void requireRuntimeSettings() {
    if (getList(BOOTSTRAP_SERVERS).isEmpty()) {
      throw new ConfigException(BOOTSTRAP_SERVERS + " must be set to run an application against"
          + " Kafka: give one or more host:port pairs of brokers, e.g. localhost:9092");
    }
  }

  /**
   * The main consumer's configuration: user settings layered as described at the constructor
   * ({@value #MAIN_CONSUMER_PREFIX} wins over {@value #CONSUMER_PREFIX}), group {@code
   * groupId}, auto-commit off, the classic group protocol and {@code read_committed} under
   * exactly-once. The caller adds the partition assignor and {@code auto.offset.reset}.
   *
   * @param groupId the consumer group, normally the application id
   * @param clientId the client id
   * @return a new mutable map
   */
  public Map<String, Object> mainConsumerConfigs(String groupId, String clientId) {
    return clientConfigs.mainConsumer(groupId, clientId);
  }

  /**
   * The restore consumer's configuration ({@value #RESTORE_CONSUMER_PREFIX} wins over {@value
   * #CONSUMER_PREFIX}): no group, auto-commit off, {@code read_committed} under exactly-once.
   *
   * @return a new mutable map
   */
  public Map<String, Object> restoreConsumerConfigs(String clientId) {
    return clientConfigs.restoreConsumer(clientId);
  }

  /**
   * The global consumer's configuration ({@value #GLOBAL_CONSUMER_PREFIX} wins over {@value
   * #CONSUMER_PREFIX}): no group, auto-commit off, {@code read_committed} under exactly-once.
   *
   * @return a new mutable map
   */
  public Map<String, Object> globalConsumerConfigs(String clientId) {
    return clientConfigs.globalConsumer(clientId);
  }

  /**
   * A producer's configuration ({@value #PRODUCER_PREFIX} wins over unprefixed). With a
   * transactional id it is idempotent with {@code acks=all} and {@code transaction.timeout.ms}
   * 10000 unless set.
   *
   * @param transactionalId the transactional id under exactly-once, else null
   * @return a new mutable map
   */
  public Map<String, Object> producerConfigs(String clientId, String transactionalId) {
    return clientConfigs.producer(clientId, transactionalId);
  }

  /**
   * The admin client's configuration ({@value #ADMIN_PREFIX} wins over unprefixed).
   *
   * @return a new mutable map
   */
  public Map<String, Object> adminConfigs(String clientId) {
    return clientConfigs.admin(clientId);
  }

  /**
   * Under exactly-once, {@code commit.interval.ms} defaults to {@value #EOS_COMMIT_INTERVAL_MS}
   * ms unless set: each commit ends a transaction, and readers see output only then.
   */
  @Override
  protected Map<String, Object> postProcessParsedConfig(Map<String, Object> parsedValues) {
    if (EXACTLY_ONCE_V2.equals(parsedValues.get(PROCESSING_GUARANTEE))
        && !originals().containsKey(COMMIT_INTERVAL_MS)) {
      return Map.of(COMMIT_INTERVAL_MS, EOS_COMMIT_INTERVAL_MS);
    }
    return Map.of();
  }

  /**
   * {@code topicConfig} with the {@value #TOPIC_PREFIX} prefix, to pass a topic setting to the
   * application's internal topics.
   *
   * @throws NullPointerException if {@code topicConfig} is null
   */
  public static String topicPrefix(String topicConfig) {
    return TOPIC_PREFIX + Objects.requireNonNull(topicConfig, "topicConfig");
  }

  /** The definitions, for documentation and for the runtime to extend its checks. */
  public static ConfigDef configDef() {
    return new ConfigDef(DEFINITION);
  }

  /** Whether {@code processing.guarantee} is exactly-once. */
  public boolean exactlyOnce() {
    return EXACTLY_ONCE_V2.equals(getString(PROCESSING_GUARANTEE));
  }

  /** A new configured instance of {@code default.key.serde}, or {@code null} if unset. */
  public Serde<?> defaultKeySerde() {
    return serde(DEFAULT_KEY_SERDE, true);
  }

  /** A new configured instance of {@code default.value.serde}, or {@code null} if unset. */
  public Serde<?> defaultValueSerde() {
    return serde(DEFAULT_VALUE_SERDE, false);
  }

  private Serde<?> serde(String key, boolean isKey) {
    if (getClass(key) == null) {
      return null;
    }
    Serde<?> serde = getConfiguredInstance(key, Serde.class);
    serde.configure(originals(), isKey);
    return serde;
  }

  private static ConfigDef define() {
    return new ConfigDef()
        .define(APPLICATION_ID, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, applicationIdValidator(),
            Importance.HIGH, "Identifies the application: the consumer group id, and the prefix"
                + " of its internal topic names. Letters, digits, '.', '_' and '-' only.")
        .define(BOOTSTRAP_SERVERS, Type.LIST, "", Importance.HIGH,
            "host:port pairs of Kafka brokers to connect to first.")
        .define(DEFAULT_KEY_SERDE, Type.CLASS, null, Importance.MEDIUM,
            "Serde class (implementing org.apache.kafka.common.serialization.Serde) for keys"
                + " where the topology gives none.")
        .define(DEFAULT_VALUE_SERDE, Type.CLASS, null, Importance.MEDIUM,
            "Serde class for values where the topology gives none.")
        .define(DEFAULT_TIMESTAMP_EXTRACTOR, Type.CLASS, RecordTimestampExtractor.class,
            implementing(TimestampExtractor.class), Importance.MEDIUM,
            "TimestampExtractor class giving each input record its event time.")
        .define(PROCESSING_GUARANTEE, Type.STRING, AT_LEAST_ONCE,
            ValidString.in(AT_LEAST_ONCE, EXACTLY_ONCE_V2), Importance.MEDIUM,
            "Delivery guarantee: at_least_once, or exactly_once_v2 (transactions).")
        .define(STATE_DIR, Type.STRING,
            System.getProperty("java.io.tmpdir") + File.separator + "sluice", Importance.HIGH,
            "Directory under which each application keeps its tasks' local state.")
        .define(STATE_CLEANUP_DELAY_MS, Type.LONG, 600_000L, ConfigDef.Range.atLeast(0),
            Importance.LOW, "Milliseconds a task directory that no thread of this instance owns"
                + " stays on disk after it was last used, before it is deleted; a task that"
                + " comes back within this time restores only what it missed.")
        .define(COMMIT_INTERVAL_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(0),
            Importance.LOW, "Milliseconds between commits of each stream thread; 100 under"
                + " exactly_once_v2 unless set.")
        .define(MAX_TASK_IDLE_MS, Type.LONG, 0L, ConfigDef.Range.atLeast(-1), Importance.MEDIUM,
            "Milliseconds a task waits for data on an empty input partition before processing"
                + " the others out of timestamp order; -1 never waits.")
        .define(BUFFERED_RECORDS_PER_PARTITION, Type.INT, 1000, ConfigDef.Range.atLeast(1),
            Importance.LOW, "Records buffered per input partition before it is paused.")
        .define(STATESTORE_CACHE_MAX_BYTES, Type.LONG, 10L * 1024 * 1024,
            ConfigDef.Range.atLeast(0), Importance.MEDIUM,
            "Bytes of record caches for all tasks of an instance; 0 disables caching.")
        .define(DESERIALIZATION_EXCEPTION_HANDLER, Type.CLASS, LogAndFailExceptionHandler.class,
            implementing(DeserializationExceptionHandler.class), Importance.MEDIUM,
            "DeserializationExceptionHandler class for undeserializable records and invalid"
                + " timestamps.")
        .define(PROCESSING_EXCEPTION_HANDLER, Type.CLASS, LogAndFailExceptionHandler.class,
            implementing(ProcessingExceptionHandler.class), Importance.MEDIUM,
            "ProcessingExceptionHandler class for exceptions thrown by processors.")
        .define(PRODUCTION_EXCEPTION_HANDLER, Type.CLASS, LogAndFailExceptionHandler.class,
            implementing(ProductionExceptionHandler.class), Importance.MEDIUM,
            "ProductionExceptionHandler class for output records that cannot be serialized."
                + " A failed send always fails the task.")
        .define(ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME, Type.STRING, null, Importance.MEDIUM,
            "Topic to which records are sent when an exception handler answers DEAD_LETTER,"
                + " with headers naming the exception, its message, and the input record's"
                + " topic, partition and offset. Unset: a DEAD_LETTER answer fails the task."
                + " Create the topic beforehand.")
        .define(NUM_STREAM_THREADS, Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
            "Stream threads per application instance.")
        .define(ROCKSDB_MEMORY_MAX_BYTES, Type.LONG,
            StoreSettings.ROCKSDB_MEMORY_MAX_BYTES_DEFAULT, ConfigDef.Range.atLeast(1),
            Importance.MEDIUM, "Bytes of memory all RocksDB stores of the process share: one"
                + " block cache holding data, index and filter blocks, with memtables charged to"
                + " it (up to a quarter). Default 64 MiB; raise it for large stores.")
        .define(ROCKSDB_CONFIG_SETTER, Type.CLASS, null,
            implementing(RocksDBConfigSetter.class), Importance.LOW,
            "RocksDBConfigSetter class (public no-argument constructor) that adjusts the options"
                + " of each RocksDB store as it opens; unset leaves Sluice's options.")
        .define(WINDOWSTORE_CHANGELOG_ADDITIONAL_RETENTION_MS, Type.LONG, 86_400_000L,
            ConfigDef.Range.atLeast(0), Importance.LOW, "Milliseconds added to a window or"
                + " session store's retention to make its changelog topic's retention.ms, so"
                + " clock drift between brokers and the application cannot delete changelog"
                + " records the store still holds. Default 24 hours.")
        .define(REPLICATION_FACTOR, Type.INT, -1, ConfigValidators.minusOneOrPositive(),
            Importance.MEDIUM, "Replication factor of the internal topics the application"
                + " creates (changelog and repartition topics); -1 uses the broker's"
                + " default.replication.factor.")
        .define(TOPOLOGY_OPTIMIZATION, Type.STRING, NO_OPTIMIZATION,
            ValidString.in(NO_OPTIMIZATION, OPTIMIZE), Importance.MEDIUM,
            "Whether the DSL may rewrite the topology before it runs: none runs it as"
                + " written; all lets it apply its optimizations, which use fewer internal"
                + " topics. Changing it can change internal topic names, so reset the"
                + " application when you do.")
        .define(REPARTITION_PURGE_INTERVAL_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(0),
            Importance.LOW, "Milliseconds between deletions of repartition topic records the"
                + " application has already consumed and committed.")
        .define(APPLICATION_SERVER, Type.STRING, "", ConfigValidators.hostAndPortOrEmpty(),
            Importance.LOW, "host:port where this instance serves interactive queries, shared"
                + " with the other instances so they can find which one holds a key; empty if"
                + " the instance serves none.")
        .define(CLIENT_ID, Type.STRING, "", Importance.MEDIUM, "Prefix of the client ids of"
            + " the instance's internal consumers, producers and admin client, as shown in"
            + " broker logs, quotas and metrics; empty uses the application id.")
        .define(NUM_STANDBY_REPLICAS, Type.INT, 0, ConfigDef.Range.atLeast(0),
            Importance.HIGH, "Standby replicas of each stateful task: copies of its stores"
                + " other instances keep up to date from the changelog, so a failover restores"
                + " little. 0 keeps none.")
        .define(ACCEPTABLE_RECOVERY_LAG, Type.LONG, 10_000L, ConfigDef.Range.atLeast(0),
            Importance.MEDIUM, "Changelog records an instance's copy of a store may lag behind"
                + " and still be assigned the active task; a more lagging instance first warms"
                + " up a replica while another one stays active.")
        .define(PROBING_REBALANCE_INTERVAL_MS, Type.LONG, 600_000L,
            ConfigDef.Range.atLeast(60_000), Importance.LOW, "Milliseconds between rebalances"
                + " that move active tasks to warm-up replicas which have caught up. At least"
                + " one minute; default 10 minutes.")
        .define(MAX_WARMUP_REPLICAS, Type.INT, 2, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
            "Warm-up replicas assigned at once across the application, beyond the standbys;"
                + " bounds the extra restore traffic while tasks move.")
        .define(POLL_MS, Type.LONG, 100L, ConfigDef.Range.atLeast(0), Importance.LOW,
            "Milliseconds a stream thread waits at most for new records in one poll.")
        .define(METRICS_RECORDING_LEVEL, Type.STRING, Sensor.RecordingLevel.INFO.toString(),
            ValidString.in(Sensor.RecordingLevel.INFO.toString(),
                Sensor.RecordingLevel.DEBUG.toString(), Sensor.RecordingLevel.TRACE.toString()),
            Importance.LOW, "Most detailed level of metrics recorded: INFO, DEBUG or TRACE."
                + " Sensors registered at a more detailed level than this record nothing.")
        .define(DEFAULT_DSL_STORE, Type.STRING, ROCKS_DB, ValidString.in(ROCKS_DB, IN_MEMORY),
            Importance.LOW,
            "The store type of DSL operators whose Materialized names no store supplier:"
                + " rocksDB (persistent, the default) or in_memory (restored in full from the"
                + " changelog after every restart).")
        .define(ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING, Type.BOOLEAN, false, Importance.LOW,
            "If true, building a topology fails when a store, changelog or repartition topic"
                + " would get a generated name, since generated names shift when the topology"
                + " changes and orphan the state of a running application.");
  }

  private static ConfigDef.Validator applicationIdValidator() {
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        String id = (String) value;
        if (id == null || id.isEmpty() || id.length() > 200 || id.equals(".") || id.equals("..")
            || !LEGAL_TOPIC_CHARS.matcher(id).matches()) {
          throw new ConfigException(name, value,
              "must be 1 to 200 characters of letters, digits, '.', '_' and '-' (it prefixes"
                  + " topic names), and not '.' or '..'");
        }
      }

      @Override
      public String toString() {
        return "1 to 200 of [a-zA-Z0-9._-]";
      }
    };
  }

  private static ConfigDef.Validator implementing(Class<?> type) {
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        if (value != null && !type.isAssignableFrom((Class<?>) value)) {
          throw new ConfigException(name, ((Class<?>) value).getName(),
              "must be a class implementing " + type.getName());
        }
      }

      @Override
      public String toString() {
        return "a class implementing " + type.getName();
      }
    };
  }
}
