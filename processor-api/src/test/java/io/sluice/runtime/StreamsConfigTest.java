package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class StreamsConfigTest {
  @Test
  void applicationIdIsRequired() {
    assertThatThrownBy(() -> new StreamsConfig(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("application.id");
  }

  @Test
  void applicationIdMustBeTopicLegal() {
    assertThatThrownBy(() -> new StreamsConfig(Map.of("application.id", "my app")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value my app for configuration application.id: must be 1 to 200"
            + " characters of letters, digits, '.', '_' and '-' (it prefixes topic names), and"
            + " not '.' or '..'");
  }

  @Test
  void processingGuaranteeNamesTheValidValues() {
    assertThatThrownBy(() -> new StreamsConfig(
            Map.of("application.id", "app", "processing.guarantee", "exactly_once")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value exactly_once for configuration processing.guarantee: String"
            + " must be one of: at_least_once, exactly_once_v2");
  }

  @Test
  void handlersMustImplementTheirInterface() {
    assertThatThrownBy(() -> new StreamsConfig(Map.of("application.id", "app",
            "deserialization.exception.handler", String.class)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value java.lang.String for configuration"
            + " deserialization.exception.handler: must be a class implementing"
            + " io.sluice.runtime.DeserializationExceptionHandler");
  }

  @Test
  void rangesAreChecked() {
    assertThatThrownBy(() -> new StreamsConfig(
            Map.of("application.id", "app", "max.task.idle.ms", "-2")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value -2 for configuration max.task.idle.ms: Value must be at least"
            + " -1");
  }

  @Test
  void defaultsAndSerdesResolve() {
    StreamsConfig config = new StreamsConfig(Map.of("application.id", "app",
        "default.key.serde", Serdes.StringSerde.class, "processing.guarantee", "exactly_once_v2"));
    assertThat(config.exactlyOnce()).isTrue();
    assertThat(config.defaultKeySerde()).isInstanceOf(Serdes.StringSerde.class);
    assertThat(config.defaultValueSerde()).isNull();
    assertThat(config.getInt(StreamsConfig.NUM_STREAM_THREADS)).isEqualTo(1);
    assertThat(new StreamsConfig(Map.of("application.id", "app"))
        .getLong(StreamsConfig.COMMIT_INTERVAL_MS)).isEqualTo(30_000L);
    assertThat(config.getString(StreamsConfig.STATE_DIR)).endsWith("sluice");
  }

  @Test
  void exactlyOnceShortensTheDefaultCommitIntervalUnlessSet() {
    StreamsConfig eos = new StreamsConfig(
        Map.of("application.id", "app", "processing.guarantee", "exactly_once_v2"));
    assertThat(eos.getLong(StreamsConfig.COMMIT_INTERVAL_MS)).isEqualTo(100L);
    StreamsConfig explicit = new StreamsConfig(Map.of("application.id", "app",
        "processing.guarantee", "exactly_once_v2", "commit.interval.ms", "5000"));
    assertThat(explicit.getLong(StreamsConfig.COMMIT_INTERVAL_MS)).isEqualTo(5000L);
  }
}
