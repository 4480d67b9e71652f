package io.sluice.runtime.internals;

import io.sluice.runtime.StreamsConfig;
import io.sluice.state.StoreBuilder;
import io.sluice.state.internals.RetainingStoreBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The changelog topics a topology's stores need, with the configs to create them with.
 *
 * <p>Each logged store of a sub-topology gets {@code <application.id>-<store>-changelog}. Its
 * configs are built in three layers, later ones overriding earlier ones:
 *
 * <ol>
 *   <li>defaults by store kind: {@code cleanup.policy=compact} for key-value stores; for window and
 *       session stores (builders implementing {@link RetainingStoreBuilder}) {@code
 *       cleanup.policy=compact,delete} with {@code retention.ms} = the store's retention + {@value
 *       StreamsConfig#WINDOWSTORE_CHANGELOG_ADDITIONAL_RETENTION_MS}; and {@code
 *       message.timestamp.type=CreateTime} for all;
 *   <li>the application's {@value StreamsConfig#TOPIC_PREFIX}-prefixed settings, prefix removed;
 *   <li>the store builder's own {@link StoreBuilder#logConfig()}.
 * </ol>
 *
 * <p>Global stores have no changelog (their source topic is their log), nor do stores with logging
 * disabled.
 */
public final class ChangelogTopicConfigs {

  /** The topic config naming the cleanup policy. */
  static final String CLEANUP_POLICY = "cleanup.policy";
  /** The topic config naming how long records are kept, in ms. */
  static final String RETENTION_MS = "retention.ms";
  /** The topic config naming which timestamp records carry. */
  static final String TIMESTAMP_TYPE = "message.timestamp.type";

  /**
   * One changelog topic.
   *
   * @param store the store it logs
   * @param topic the topic name
   * @param configs the topic configs to create it with (unmodifiable)
   */
  public record Changelog(String store, String topic, Map<String, String> configs) {
    /** Copies {@code configs}. */
    public Changelog {
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(topic, "topic");
      configs = Map.copyOf(configs);
    }
  }

  private ChangelogTopicConfigs() {}

  /**
   * The changelog topics of every logged, non-global store of {@code topology}, by store name in
   * sub-topology order.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Map<String, Changelog> of(InternalTopologyBuilder topology, StreamsConfig config) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(config, "config");
    Map<String, Changelog> changelogs = new LinkedHashMap<>();
    for (InternalTopologyBuilder.SubtopologyDef subtopology : topology.subtopologies()) {
      for (String store : subtopology.stores()) {
        StoreBuilder<?> builder = topology.storeBuilder(store);
        if (builder != null && builder.loggingEnabled()) {
          changelogs.put(store, of(builder, config));
        }
      }
    }
    return changelogs;
  }

  /**
   * The changelog topic of the store {@code builder} builds, which must have logging enabled.
   *
   * @throws IllegalArgumentException naming the store if its logging is disabled
   * @throws NullPointerException if an argument is null
   */
  public static Changelog of(StoreBuilder<?> builder, StreamsConfig config) {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(config, "config");
    if (!builder.loggingEnabled()) {
      throw new IllegalArgumentException(
          "store " + builder.name() + " has logging disabled, so it has no changelog topic;"
              + " enable logging on its builder to get one");
    }
    Map<String, String> configs = new LinkedHashMap<>();
    if (builder instanceof RetainingStoreBuilder retaining) {
      long extra = config.getLong(StreamsConfig.WINDOWSTORE_CHANGELOG_ADDITIONAL_RETENTION_MS);
      configs.put(CLEANUP_POLICY, "compact,delete");
      configs.put(RETENTION_MS, Long.toString(saturatedAdd(retaining.retentionMs(), extra)));
    } else {
      configs.put(CLEANUP_POLICY, "compact");
    }
    configs.put(TIMESTAMP_TYPE, "CreateTime");
    config.originalsWithPrefix(StreamsConfig.TOPIC_PREFIX)
        .forEach((key, value) -> {
          if (value != null) {
            configs.put(key, value instanceof Class<?> c ? c.getName() : value.toString());
          }
        });
    configs.putAll(builder.logConfig());
    String applicationId = config.getString(StreamsConfig.APPLICATION_ID);
    return new Changelog(
        builder.name(), ProcessorStateManager.changelogTopic(applicationId, builder.name()),
        configs);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
