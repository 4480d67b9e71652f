package io.sluice.runtime.internals;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * Builds the configuration maps of the application's internal Kafka clients from the user's
 * settings, and rejects user values for the settings Sluice must own.
 *
 * <p>Layering, later wins: unprefixed settings the client type knows (so credentials given once
 * reach every client), then the client type's prefix ({@code consumer.}, {@code producer.},
 * {@code admin.}), then the more specific consumer prefix ({@code main.consumer.}, {@code
 * restore.consumer.}, {@code global.consumer.}), then the values Sluice owns.
 */
public final class ClientConfigs {
  /** Prefix of settings for every consumer. */
  public static final String CONSUMER_PREFIX = "consumer.";
  /** Prefix of settings for the main (group member) consumer only. */
  public static final String MAIN_CONSUMER_PREFIX = "main.consumer.";
  /** Prefix of settings for the consumer that restores state stores. */
  public static final String RESTORE_CONSUMER_PREFIX = "restore.consumer.";
  /** Prefix of settings for the consumer that reads global tables. */
  public static final String GLOBAL_CONSUMER_PREFIX = "global.consumer.";
  /** Prefix of settings for producers. */
  public static final String PRODUCER_PREFIX = "producer.";
  /** Prefix of settings for the admin client. */
  public static final String ADMIN_PREFIX = "admin.";
  /** {@code transaction.timeout.ms} under exactly-once unless the user sets it, in ms. */
  public static final int EOS_TRANSACTION_TIMEOUT_MS = 10_000;

  private static final List<String> CONSUMER_PREFIXES = List.of("", CONSUMER_PREFIX,
      MAIN_CONSUMER_PREFIX, RESTORE_CONSUMER_PREFIX, GLOBAL_CONSUMER_PREFIX);
  private static final List<String> PRODUCER_PREFIXES = List.of("", PRODUCER_PREFIX);

  private final Map<String, Object> originals;
  private final boolean exactlyOnce;

  /**
   * @param originals the user's settings as given
   * @param exactlyOnce whether {@code processing.guarantee} is exactly-once
   * @throws ConfigException if the user sets a value Sluice must own, naming the setting (with
   *     its prefix), the value and why
   */
  public ClientConfigs(Map<String, Object> originals, boolean exactlyOnce) {
    this.originals = Map.copyOf(withoutNullValues(originals));
    this.exactlyOnce = exactlyOnce;
    rejectOwnedOverrides();
  }

  private static Map<String, Object> withoutNullValues(Map<String, Object> map) {
    Map<String, Object> copy = new HashMap<>();
    map.forEach((k, v) -> {
      if (v != null) {
        copy.put(k, v);
      }
    });
    return copy;
  }

  private void rejectOwnedOverrides() {
    for (String prefix : CONSUMER_PREFIXES) {
      check(prefix + ConsumerConfig.GROUP_PROTOCOL_CONFIG, v -> v.equals("classic"),
          "Sluice assigns partitions with its own client-side assignor, which needs the classic"
              + " group protocol; remove the setting or set it to classic");
      check(prefix + ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, v -> v.equals("false"),
          "Sluice commits offsets itself after processing; remove the setting or set it to"
              + " false");
      if (exactlyOnce) {
        check(prefix + ConsumerConfig.ISOLATION_LEVEL_CONFIG, v -> v.equals("read_committed"),
            "exactly_once_v2 must not read aborted transactional records; remove the setting"
                + " or set it to read_committed");
      }
    }
    if (exactlyOnce) {
      for (String prefix : PRODUCER_PREFIXES) {
        check(prefix + ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, v -> v.equals("true"),
            "exactly_once_v2 needs idempotent producers; remove the setting or set it to true");
        check(prefix + ProducerConfig.ACKS_CONFIG, v -> v.equals("all") || v.equals("-1"),
            "exactly_once_v2 needs writes acknowledged by all in-sync replicas; remove the"
                + " setting or set it to all (or -1)");
      }
    }
  }

  private void check(String key, Predicate<String> allowed, String why) {
    Object value = originals.get(key);
    if (value != null && !allowed.test(String.valueOf(value).trim().toLowerCase(Locale.ROOT))) {
      throw new ConfigException(key, value, why);
    }
  }

  /**
   * The main consumer's configuration: a member of group {@code groupId} with auto-commit off,
   * the classic protocol and, under exactly-once, {@code read_committed}. The runtime adds the
   * partition assignor and {@code auto.offset.reset}.
   *
   * @param groupId the consumer group (the application id)
   * @param clientId the client id of this consumer
   */
  public Map<String, Object> mainConsumer(String groupId, String clientId) {
    Map<String, Object> config = consumer(MAIN_CONSUMER_PREFIX, clientId);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
    return config;
  }

  /**
   * The restore consumer's configuration: no group, auto-commit off; {@code read_committed}
   * under exactly-once.
   */
  public Map<String, Object> restoreConsumer(String clientId) {
    return grouplessConsumer(RESTORE_CONSUMER_PREFIX, clientId);
  }

  /**
   * The global consumer's configuration: no group, auto-commit off; {@code read_committed}
   * under exactly-once.
   */
  public Map<String, Object> globalConsumer(String clientId) {
    return grouplessConsumer(GLOBAL_CONSUMER_PREFIX, clientId);
  }

  private Map<String, Object> grouplessConsumer(String prefix, String clientId) {
    Map<String, Object> config = consumer(prefix, clientId);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    config.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return config;
  }

  private Map<String, Object> consumer(String specificPrefix, String clientId) {
    Map<String, Object> config =
        layered(ConsumerConfig.configNames(), CONSUMER_PREFIX, specificPrefix);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    if (exactlyOnce) {
      config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }
    return config;
  }

  /**
   * A producer's configuration. Under exactly-once (when {@code transactionalId} is not null) it
   * is idempotent with {@code acks=all}, carries the transactional id, and has {@code
   * transaction.timeout.ms} {@value #EOS_TRANSACTION_TIMEOUT_MS} unless the user set it.
   *
   * @param transactionalId the producer's transactional id, or null for a plain producer
   */
  public Map<String, Object> producer(String clientId, String transactionalId) {
    Map<String, Object> config = layered(ProducerConfig.configNames(), PRODUCER_PREFIX, null);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    if (transactionalId != null) {
      config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
      config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, EOS_TRANSACTION_TIMEOUT_MS);
    }
    return config;
  }

  /** The admin client's configuration. */
  public Map<String, Object> admin(String clientId) {
    Map<String, Object> config = layered(AdminClientConfig.configNames(), ADMIN_PREFIX, null);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    return config;
  }

  private Map<String, Object> layered(Set<String> known, String prefix, String specificPrefix) {
    Map<String, Object> config = new HashMap<>();
    originals.forEach((key, value) -> {
      if (known.contains(key)) {
        config.put(key, value);
      }
    });
    config.putAll(withPrefix(prefix));
    if (specificPrefix != null) {
      config.putAll(withPrefix(specificPrefix));
    }
    return config;
  }

  private Map<String, Object> withPrefix(String prefix) {
    Map<String, Object> result = new HashMap<>();
    originals.forEach((key, value) -> {
      if (key.startsWith(prefix) && key.length() > prefix.length()) {
        result.put(key.substring(prefix.length()), value);
      }
    });
    return result;
  }
}
