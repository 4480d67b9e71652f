package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StreamsConfigRuntimeSettingsTest {
  private static StreamsConfig config(Object... keyValues) {
    Map<String, Object> props = new HashMap<>();
    props.put("application.id", "app");
    for (int i = 0; i < keyValues.length; i += 2) {
      props.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new StreamsConfig(props);
  }

  @Test
  void defaults() {
    StreamsConfig config = config();
    assertThat(config.getInt(StreamsConfig.REPLICATION_FACTOR)).isEqualTo(-1);
    assertThat(config.getString(StreamsConfig.TOPOLOGY_OPTIMIZATION)).isEqualTo("none");
    assertThat(config.getLong(StreamsConfig.REPARTITION_PURGE_INTERVAL_MS)).isEqualTo(30_000L);
    assertThat(config.getString(StreamsConfig.APPLICATION_SERVER)).isEmpty();
    assertThat(config.getString(StreamsConfig.CLIENT_ID)).isEmpty();
    assertThat(config.getInt(StreamsConfig.NUM_STANDBY_REPLICAS)).isZero();
    assertThat(config.getLong(StreamsConfig.ACCEPTABLE_RECOVERY_LAG)).isEqualTo(10_000L);
    assertThat(config.getLong(StreamsConfig.PROBING_REBALANCE_INTERVAL_MS))
        .isEqualTo(600_000L);
    assertThat(config.getInt(StreamsConfig.MAX_WARMUP_REPLICAS)).isEqualTo(2);
    assertThat(config.getLong(StreamsConfig.POLL_MS)).isEqualTo(100L);
    assertThat(config.getString(StreamsConfig.METRICS_RECORDING_LEVEL)).isEqualTo("INFO");
    assertThat(config.getBoolean(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING))
        .isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "num.stream.threads|0|Value must be at least 1",
      "replication.factor|0|must be -1 (use the broker's default.replication.factor) or at"
          + " least 1",
      "replication.factor|-2|must be -1 (use the broker's default.replication.factor) or at"
          + " least 1",
      "topology.optimization|some|String must be one of: none, all",
      "repartition.purge.interval.ms|-1|Value must be at least 0",
      "num.standby.replicas|-1|Value must be at least 0",
      "acceptable.recovery.lag|-1|Value must be at least 0",
      "probing.rebalance.interval.ms|59999|Value must be at least 60000",
      "max.warmup.replicas|0|Value must be at least 1",
      "poll.ms|-1|Value must be at least 0",
      "metrics.recording.level|VERBOSE|String must be one of: INFO, DEBUG, TRACE",
  })
  void invalidValuesNameSettingValueAndValidValues(String key, String value, String why) {
    assertThatThrownBy(() -> config(key, value))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value " + value + " for configuration " + key + ": " + why);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "host:", ":8080", "host:port", "host:65536",
      "host:123456", "my host:80"})
  void applicationServerMustBeHostAndPort(String value) {
    assertThatThrownBy(() -> config("application.server", value))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value " + value + " for configuration application.server: must be"
            + " empty or host:port with a port from 0 to 65535, e.g. app-1.example.com:8080");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "localhost:8080", "app-1.example.com:0", "[::1]:65535"})
  void applicationServerAcceptsHostAndPortOrEmpty(String value) {
    assertThat(config("application.server", value).getString("application.server"))
        .isEqualTo(value);
  }

  @Test
  void bootstrapServersIsRequiredOnlyToRun() {
    StreamsConfig withoutBrokers = config();
    assertThatThrownBy(withoutBrokers::requireRuntimeSettings)
        .isInstanceOf(ConfigException.class)
        .hasMessage("bootstrap.servers must be set to run an application against Kafka: give"
            + " one or more host:port pairs of brokers, e.g. localhost:9092");
    assertThatCode(config("bootstrap.servers", "localhost:9092")::requireRuntimeSettings)
        .doesNotThrowAnyException();
  }

  @Test
  void everySettingIsDocumented() {
    StreamsConfig.configDef().configKeys().values().forEach(key ->
        assertThat(key.documentation).as(key.name).isNotBlank());
  }
}
