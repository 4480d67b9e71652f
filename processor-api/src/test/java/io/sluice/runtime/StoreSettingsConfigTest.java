package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.state.RocksDBConfigSetter;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class StoreSettingsConfigTest {

  private static StreamsConfig config(String key, Object value) {
    return new StreamsConfig(Map.of(StreamsConfig.APPLICATION_ID, "app", key, value));
  }

  @Test
  void storeSettingsHaveTheirDefaults() {
    StreamsConfig config = new StreamsConfig(Map.of(StreamsConfig.APPLICATION_ID, "app"));

    assertThat(config.getLong("rocksdb.memory.max.bytes")).isEqualTo(64L * 1024 * 1024);
    assertThat(config.getClass("rocksdb.config.setter")).isNull();
    assertThat(config.getLong("windowstore.changelog.additional.retention.ms"))
        .isEqualTo(86_400_000L);
    assertThat(StreamsConfig.ROCKSDB_CONFIG_SETTER).isEqualTo(RocksDBConfigSetter.CONFIG);
  }

  @Test
  void rocksDbMemoryMustBePositive() {
    assertThatThrownBy(() -> config(StreamsConfig.ROCKSDB_MEMORY_MAX_BYTES, "0"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value 0 for configuration rocksdb.memory.max.bytes: Value must be at"
            + " least 1");
  }

  @Test
  void configSetterMustImplementTheInterface() {
    assertThatThrownBy(() -> config(StreamsConfig.ROCKSDB_CONFIG_SETTER, String.class))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value java.lang.String for configuration rocksdb.config.setter:"
            + " must be a class implementing io.sluice.state.RocksDBConfigSetter");
  }

  @Test
  void configSetterMustBeALoadableClass() {
    assertThatThrownBy(() -> config(StreamsConfig.ROCKSDB_CONFIG_SETTER, "no.such.Setter"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rocksdb.config.setter")
        .hasMessageContaining("no.such.Setter");
  }

  @Test
  void additionalRetentionMustNotBeNegative() {
    assertThatThrownBy(
            () -> config(StreamsConfig.WINDOWSTORE_CHANGELOG_ADDITIONAL_RETENTION_MS, -1L))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value -1 for configuration"
            + " windowstore.changelog.additional.retention.ms: Value must be at least 0");
  }

  @Test
  void topicPrefixPrefixesTheTopicSetting() {
    assertThat(StreamsConfig.topicPrefix("segment.bytes")).isEqualTo("topic.segment.bytes");
  }
}
