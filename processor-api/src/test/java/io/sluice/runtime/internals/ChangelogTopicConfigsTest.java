package io.sluice.runtime.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.Processor;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.StoreBuilder;
import io.sluice.state.Stores;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

class ChangelogTopicConfigsTest {

  private static final long DAY = 86_400_000L;

  private static StreamsConfig config(Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>(extra);
    props.put(StreamsConfig.APPLICATION_ID, "app");
    return new StreamsConfig(props);
  }

  private static StoreBuilder<?> keyValue(String name) {
    return Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.String());
  }

  private static StoreBuilder<?> window(String name) {
    return Stores.windowStoreBuilder(
        Stores.persistentWindowStore(name, Duration.ofHours(2), Duration.ofMinutes(5), false),
        Serdes.String(), Serdes.String());
  }

  @Test
  void keyValueStoresAreCompacted() {
    ChangelogTopicConfigs.Changelog changelog =
        ChangelogTopicConfigs.of(keyValue("counts"), config(Map.of()));

    assertThat(changelog.store()).isEqualTo("counts");
    assertThat(changelog.topic()).isEqualTo("app-counts-changelog");
    assertThat(changelog.configs()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "cleanup.policy", "compact", "message.timestamp.type", "CreateTime"));
  }

  @Test
  void timestampedKeyValueStoresAreCompacted() {
    StoreBuilder<?> builder = Stores.timestampedKeyValueStoreBuilder(
        Stores.persistentTimestampedKeyValueStore("latest"), Serdes.String(), Serdes.String());

    assertThat(ChangelogTopicConfigs.of(builder, config(Map.of())).configs())
        .containsEntry("cleanup.policy", "compact")
        .doesNotContainKey("retention.ms");
  }

  @Test
  void windowStoresAreCompactedAndDeletedAfterRetentionPlusADay() {
    ChangelogTopicConfigs.Changelog changelog =
        ChangelogTopicConfigs.of(window("clicks"), config(Map.of()));

    assertThat(changelog.topic()).isEqualTo("app-clicks-changelog");
    assertThat(changelog.configs()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "cleanup.policy", "compact,delete",
        "retention.ms", Long.toString(2 * 3_600_000L + DAY),
        "message.timestamp.type", "CreateTime"));
  }

  @Test
  void timestampedWindowStoresUseTheConfiguredAdditionalRetention() {
    StoreBuilder<?> builder = Stores.timestampedWindowStoreBuilder(
        Stores.inMemoryWindowStore("w", Duration.ofMinutes(10), Duration.ofMinutes(1), false),
        Serdes.String(), Serdes.String());

    Map<String, String> configs = ChangelogTopicConfigs.of(builder, config(Map.of(
        StreamsConfig.WINDOWSTORE_CHANGELOG_ADDITIONAL_RETENTION_MS, 5L))).configs();

    assertThat(configs).containsEntry("cleanup.policy", "compact,delete")
        .containsEntry("retention.ms", Long.toString(600_000L + 5L));
  }

  @Test
  void sessionStoresAreCompactedAndDeleted() {
    StoreBuilder<?> builder = Stores.sessionStoreBuilder(
        Stores.persistentSessionStore("sessions", Duration.ofMinutes(30)),
        Serdes.String(), Serdes.Long());

    assertThat(ChangelogTopicConfigs.of(builder, config(Map.of())).configs())
        .containsEntry("cleanup.policy", "compact,delete")
        .containsEntry("retention.ms", Long.toString(1_800_000L + DAY))
        .containsEntry("message.timestamp.type", "CreateTime");
  }

  @Test
  void retentionSaturatesInsteadOfOverflowing() {
    StoreBuilder<?> builder = Stores.sessionStoreBuilder(
        Stores.inMemorySessionStore("forever", Duration.ofMillis(Long.MAX_VALUE - 1)),
        Serdes.String(), Serdes.Long());

    assertThat(ChangelogTopicConfigs.of(builder, config(Map.of())).configs())
        .containsEntry("retention.ms", Long.toString(Long.MAX_VALUE));
  }

  @Test
  void topicPrefixedSettingsOverrideDefaultsAndStoreLogConfigOverridesBoth() {
    StoreBuilder<?> builder = window("clicks")
        .withLoggingEnabled(Map.of("retention.ms", "42", "min.insync.replicas", "2"));
    StreamsConfig config = config(Map.of(
        StreamsConfig.topicPrefix("retention.ms"), "7",
        StreamsConfig.topicPrefix("cleanup.policy"), "delete",
        StreamsConfig.topicPrefix("min.insync.replicas"), "1",
        StreamsConfig.topicPrefix("segment.bytes"), 1024));

    assertThat(ChangelogTopicConfigs.of(builder, config).configs())
        .containsExactlyInAnyOrderEntriesOf(Map.of(
            "cleanup.policy", "delete",
            "retention.ms", "42",
            "min.insync.replicas", "2",
            "segment.bytes", "1024",
            "message.timestamp.type", "CreateTime"));
  }

  @Test
  void loggingDisabledStoresHaveNoChangelog() {
    StoreBuilder<?> builder = keyValue("local").withLoggingDisabled();

    assertThatThrownBy(() -> ChangelogTopicConfigs.of(builder, config(Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store local has logging disabled");
  }

  @Test
  void aTopologyListsOnlyItsLoggedLocalStores() {
    Topology topology = new Topology()
        .addSource("src", new StringDeserializer(), new StringDeserializer(), "in")
        .addProcessor("p", () -> new Processor<String, String, Void, Void>() {
          @Override
          public void process(Record<String, String> record) {}
        }, "src")
        .addStateStore(keyValue("logged"), "p")
        .addStateStore(keyValue("unlogged").withLoggingDisabled(), "p")
        .addStateStore(window("windows"), "p");

    Map<String, ChangelogTopicConfigs.Changelog> changelogs =
        ChangelogTopicConfigs.of(InternalTopologyBuilder.of(topology), config(Map.of()));

    assertThat(changelogs).containsOnlyKeys("logged", "windows");
    assertThat(changelogs.get("logged").topic()).isEqualTo("app-logged-changelog");
    assertThat(changelogs.get("windows").configs())
        .containsEntry("cleanup.policy", "compact,delete");
  }
}
