package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamsConfigClientConfigsTest {
  private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule"
      + " required username=\"u\" password=\"p\";";

  private static StreamsConfig config(Object... keyValues) {
    Map<String, Object> props = new HashMap<>();
    props.put("application.id", "app");
    props.put("bootstrap.servers", "localhost:9092");
    for (int i = 0; i < keyValues.length; i += 2) {
      props.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new StreamsConfig(props);
  }

  private static List<Map<String, Object>> allClients(StreamsConfig config) {
    return List.of(config.mainConsumerConfigs("app", "c1"), config.restoreConsumerConfigs("c2"),
        config.globalConsumerConfigs("c3"), config.producerConfigs("c4", null),
        config.adminConfigs("c5"));
  }

  @Test
  void credentialsGivenOnceReachEveryClient() {
    StreamsConfig config = config("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
        "sasl.jaas.config", JAAS, "ssl.truststore.location", "/etc/trust.jks");
    for (Map<String, Object> client : allClients(config)) {
      assertThat(client)
          .containsEntry("bootstrap.servers", "localhost:9092")
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "PLAIN")
          .containsEntry("sasl.jaas.config", JAAS)
          .containsEntry("ssl.truststore.location", "/etc/trust.jks");
    }
  }

  @Test
  void sluiceSettingsDoNotLeakIntoClients() {
    StreamsConfig config = config("commit.interval.ms", "5", "consumer.max.poll.records", "9",
        "producer.linger.ms", "3", "topic.segment.bytes", "1000");
    for (Map<String, Object> client : allClients(config)) {
      assertThat(client).doesNotContainKeys("application.id", "commit.interval.ms",
          "consumer.max.poll.records", "producer.linger.ms", "topic.segment.bytes",
          "segment.bytes");
    }
  }

  @Test
  void prefixesOverrideUnprefixedAndSpecificConsumerPrefixesOverrideConsumer() {
    StreamsConfig config = config("max.poll.records", "10", "consumer.max.poll.records", "20",
        "restore.consumer.max.poll.records", "30", "global.consumer.max.poll.records", "40",
        "main.consumer.max.poll.records", "50", "linger.ms", "1", "producer.linger.ms", "7",
        "request.timeout.ms", "100", "admin.request.timeout.ms", "200");
    assertThat(config.mainConsumerConfigs("app", "c")).containsEntry("max.poll.records", "50");
    assertThat(config.restoreConsumerConfigs("c")).containsEntry("max.poll.records", "30");
    assertThat(config.globalConsumerConfigs("c")).containsEntry("max.poll.records", "40");
    assertThat(config.producerConfigs("c", null)).containsEntry("linger.ms", "7");
    assertThat(config.adminConfigs("c")).containsEntry("request.timeout.ms", "200");
    assertThat(config.producerConfigs("c", null)).containsEntry("request.timeout.ms", "100");
  }

  @Test
  void consumerPrefixReachesEveryConsumerButNoOtherClient() {
    StreamsConfig config = config("consumer.fetch.min.bytes", "7");
    assertThat(config.mainConsumerConfigs("app", "c")).containsEntry("fetch.min.bytes", "7");
    assertThat(config.restoreConsumerConfigs("c")).containsEntry("fetch.min.bytes", "7");
    assertThat(config.globalConsumerConfigs("c")).containsEntry("fetch.min.bytes", "7");
    assertThat(config.producerConfigs("c", null)).doesNotContainKey("fetch.min.bytes");
    assertThat(config.adminConfigs("c")).doesNotContainKey("fetch.min.bytes");
  }

  @Test
  void ownedConsumerSettingsUnderAtLeastOnce() {
    StreamsConfig config = config("group.id", "other", "consumer.group.instance.id", "i");
    Map<String, Object> main = config.mainConsumerConfigs("app", "main-1");
    assertThat(main).containsEntry("group.id", "app").containsEntry("client.id", "main-1")
        .containsEntry("enable.auto.commit", false).containsEntry("group.protocol", "classic")
        .doesNotContainKey("isolation.level");
    for (Map<String, Object> groupless : List.of(config.restoreConsumerConfigs("r"),
        config.globalConsumerConfigs("g"))) {
      assertThat(groupless).doesNotContainKeys("group.id", "group.instance.id")
          .containsEntry("enable.auto.commit", false);
    }
    assertThat(config.producerConfigs("p", null))
        .doesNotContainKeys("transactional.id", "transaction.timeout.ms");
  }

  @Test
  void exactlyOnceClients() {
    StreamsConfig config = config("processing.guarantee", "exactly_once_v2");
    for (Map<String, Object> consumer : List.of(config.mainConsumerConfigs("app", "c"),
        config.restoreConsumerConfigs("c"), config.globalConsumerConfigs("c"))) {
      assertThat(consumer).containsEntry("isolation.level", "read_committed");
    }
    assertThat(config.producerConfigs("p", "app-0_1"))
        .containsEntry("transactional.id", "app-0_1").containsEntry("enable.idempotence", true)
        .containsEntry("acks", "all").containsEntry("transaction.timeout.ms", 10_000)
        .containsEntry("client.id", "p");
  }

  @ParameterizedTest
  @CsvSource({"transaction.timeout.ms", "producer.transaction.timeout.ms"})
  void userTransactionTimeoutWins(String key) {
    StreamsConfig config = config("processing.guarantee", "exactly_once_v2", key, "60000");
    assertThat(config.producerConfigs("p", "t")).containsEntry("transaction.timeout.ms", "60000");
  }

  @Test
  void acceptedValuesOfOwnedSettings() {
    StreamsConfig config = config("processing.guarantee", "exactly_once_v2",
        "group.protocol", "CLASSIC", "consumer.enable.auto.commit", false, "acks", "-1",
        "producer.enable.idempotence", "true", "isolation.level", "read_committed");
    assertThat(config.producerConfigs("p", "t")).containsEntry("acks", "all");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "group.protocol|consumer|Sluice assigns partitions with its own client-side assignor,"
          + " which needs the classic group protocol; remove the setting or set it to classic",
      "consumer.group.protocol|consumer|Sluice assigns partitions with its own client-side"
          + " assignor, which needs the classic group protocol; remove the setting or set it to"
          + " classic",
      "main.consumer.group.protocol|consumer|Sluice assigns partitions with its own client-side"
          + " assignor, which needs the classic group protocol; remove the setting or set it to"
          + " classic",
      "enable.auto.commit|true|Sluice commits offsets itself after processing; remove the"
          + " setting or set it to false",
      "consumer.enable.auto.commit|true|Sluice commits offsets itself after processing; remove"
          + " the setting or set it to false",
      "main.consumer.enable.auto.commit|TRUE|Sluice commits offsets itself after processing;"
          + " remove the setting or set it to false",
      "restore.consumer.enable.auto.commit|true|Sluice commits offsets itself after"
          + " processing; remove the setting or set it to false",
      "global.consumer.enable.auto.commit|true|Sluice commits offsets itself after"
          + " processing; remove the setting or set it to false",
  })
  void ownedSettingsAreRejected(String key, String value, String why) {
    assertThatThrownBy(() -> config(key, value))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value " + value + " for configuration " + key + ": " + why);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "enable.idempotence|false|exactly_once_v2 needs idempotent producers; remove the setting"
          + " or set it to true",
      "producer.enable.idempotence|false|exactly_once_v2 needs idempotent producers; remove"
          + " the setting or set it to true",
      "acks|1|exactly_once_v2 needs writes acknowledged by all in-sync replicas; remove the"
          + " setting or set it to all (or -1)",
      "producer.acks|0|exactly_once_v2 needs writes acknowledged by all in-sync replicas;"
          + " remove the setting or set it to all (or -1)",
      "isolation.level|read_uncommitted|exactly_once_v2 must not read aborted transactional"
          + " records; remove the setting or set it to read_committed",
      "restore.consumer.isolation.level|read_uncommitted|exactly_once_v2 must not read aborted"
          + " transactional records; remove the setting or set it to read_committed",
  })
  void exactlyOnceOwnedSettingsAreRejected(String key, String value, String why) {
    assertThatThrownBy(() -> config("processing.guarantee", "exactly_once_v2", key, value))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value " + value + " for configuration " + key + ": " + why);
    assertThat(config(key, value).exactlyOnce()).isFalse();
  }
}
