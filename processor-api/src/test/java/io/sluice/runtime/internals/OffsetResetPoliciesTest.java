package io.sluice.runtime.internals;

import static io.sluice.runtime.internals.Fixture.DE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.AutoOffsetReset;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.processor.SourceOptions;
import io.sluice.processor.Topology;
import io.sluice.processor.TopologyException;
import io.sluice.runtime.StreamsException;
import io.sluice.runtime.internals.assignment.TopologyMetadata;
import io.sluice.state.Stores;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/** The topic-to-policy lookup: source options, the application default, patterns, conflicts. */
class OffsetResetPoliciesTest {
  private static SourceOptions reset(AutoOffsetReset policy) {
    return SourceOptions.defaults().withOffsetReset(policy);
  }

  private static OffsetResetPolicies policies(Topology topology, AutoOffsetReset fallback) {
    return OffsetResetPolicies.of(TopologyMetadata.of(topology, "app"), fallback);
  }

  @Test
  void aSourcesPolicyWinsAndOtherSourcesUseTheApplicationDefault() {
    Topology topology = new Topology()
        .addSource("clicks", reset(AutoOffsetReset.LATEST), DE, DE, "clicks", "views")
        .addSource("orders", reset(AutoOffsetReset.NONE), DE, DE, "orders")
        .addSource("plain", DE, DE, "plain");
    OffsetResetPolicies policies = policies(topology, AutoOffsetReset.EARLIEST);
    assertThat(policies.policyFor("clicks")).isEqualTo(AutoOffsetReset.LATEST);
    assertThat(policies.policyFor("views")).isEqualTo(AutoOffsetReset.LATEST);
    assertThat(policies.policyFor("orders")).isEqualTo(AutoOffsetReset.NONE);
    assertThat(policies.policyFor("plain")).isEqualTo(AutoOffsetReset.EARLIEST);
    assertThat(policies(topology, AutoOffsetReset.NONE).policyFor("plain"))
        .isEqualTo(AutoOffsetReset.NONE);
  }

  @Test
  void aRepartitionTopicAlwaysStartsFromTheEarliestOffset() {
    Topology topology = new Topology()
        .addSource("in", DE, DE, "in")
        .addSource("rekeyed", DE, DE, "rekey-repartition");
    InternalTopologyBuilder.of(topology).addInternalTopic("rekey-repartition", -1);
    OffsetResetPolicies policies = policies(topology, AutoOffsetReset.LATEST);
    assertThat(policies.policyFor("in")).isEqualTo(AutoOffsetReset.LATEST);
    assertThat(policies.policyFor("app-rekey-repartition")).isEqualTo(AutoOffsetReset.EARLIEST);
  }

  @Test
  void aRepartitionTopicWithAnotherPolicyIsRejectedNamingIt() {
    Topology topology = new Topology()
        .addSource("rekeyed", reset(AutoOffsetReset.LATEST), DE, DE, "rekey-repartition");
    InternalTopologyBuilder.of(topology).addInternalTopic("rekey-repartition", -1);
    assertThatThrownBy(() -> policies(topology, AutoOffsetReset.EARLIEST))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("'rekeyed'").hasMessageContaining("app-rekey-repartition")
        .hasMessageContaining("EARLIEST");
  }

  @Test
  void aPatternSourcesPolicyCoversTheTopicsItMatches() {
    Topology topology = new Topology()
        .addSource("metrics", reset(AutoOffsetReset.LATEST), DE, DE, Pattern.compile("metrics-.*"))
        .addSource("audit", DE, DE, "audit");
    OffsetResetPolicies policies = policies(topology, AutoOffsetReset.EARLIEST);
    assertThat(policies.policyFor("metrics-cpu")).isEqualTo(AutoOffsetReset.LATEST);
    assertThat(policies.policyFor("audit")).isEqualTo(AutoOffsetReset.EARLIEST);
    assertThat(policies.policyFor("unknown")).isEqualTo(AutoOffsetReset.EARLIEST);
  }

  @Test
  void aNamedTopicThatAPatternWithAnotherPolicyMatchesIsRejectedNamingIt() {
    Topology topology = new Topology()
        .addSource("all", reset(AutoOffsetReset.LATEST), DE, DE, Pattern.compile("orders.*"))
        .addSource("eu", reset(AutoOffsetReset.EARLIEST), DE, DE, "orders-eu");
    assertThatThrownBy(() -> policies(topology, AutoOffsetReset.EARLIEST))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("topic 'orders-eu'").hasMessageContaining("'eu'")
        .hasMessageContaining("'all'").hasMessageContaining("latest")
        .hasMessageContaining("earliest");

    Topology samePolicy = new Topology()
        .addSource("all", reset(AutoOffsetReset.LATEST), DE, DE, Pattern.compile("orders.*"))
        .addSource("eu", reset(AutoOffsetReset.LATEST), DE, DE, "orders-eu");
    assertThat(policies(samePolicy, AutoOffsetReset.EARLIEST).policyFor("orders-eu"))
        .isEqualTo(AutoOffsetReset.LATEST);
  }

  @Test
  void aTopicMatchingPatternsWithDifferentPoliciesFailsWhenLookedUp() {
    Topology topology = new Topology()
        .addSource("a", reset(AutoOffsetReset.LATEST), DE, DE, Pattern.compile("x-.*"))
        .addSource("b", reset(AutoOffsetReset.NONE), DE, DE, Pattern.compile(".*-y"));
    OffsetResetPolicies policies = policies(topology, AutoOffsetReset.EARLIEST);
    assertThat(policies.policyFor("x-1")).isEqualTo(AutoOffsetReset.LATEST);
    assertThat(policies.policyFor("2-y")).isEqualTo(AutoOffsetReset.NONE);
    assertThatThrownBy(() -> policies.policyFor("x-y"))
        .isInstanceOf(StreamsException.class)
        .hasMessageContaining("'x-y'").hasMessageContaining("latest")
        .hasMessageContaining("none");
  }

  @Test
  void aGlobalSourcesPolicyOtherThanEarliestIsReportedAsIgnored() {
    Topology topology = new Topology().addSource("in", DE, DE, "in");
    InternalTopologyBuilder builder = InternalTopologyBuilder.of(topology);
    ProcessorSupplier<Object, Object, Void, Void> writer = () -> new Processor<>() {
      @Override
      public void process(Record<Object, Object> record) {}
    };
    builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("rates"),
            Serdes.String(), Serdes.String()).withLoggingDisabled(),
        NodeDefs.source("rates-src", reset(AutoOffsetReset.LATEST), DE, DE, "rates"),
        "rates-writer", writer, writer::get);
    builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("names"),
            Serdes.String(), Serdes.String()).withLoggingDisabled(),
        NodeDefs.source("names-src", reset(AutoOffsetReset.EARLIEST), DE, DE, "names"),
        "names-writer", writer, writer::get);
    assertThat(OffsetResetPolicies.ignoredGlobalPolicies(builder)).singleElement()
        .asString().contains("'rates-src'").contains("'rates'").contains("latest")
        .contains("ignored").contains("[rates]");
  }

  @Test
  void theApplicationDefaultComesFromTheConfigAndTheConsumerIsSetToNone() {
    Topology topology = new Topology().addSource("in", DE, DE, "in");
    TopologyMetadata metadata = TopologyMetadata.of(topology, "app");
    Map<String, Object> unset = new HashMap<>();
    assertThat(OffsetResetPolicies.forMainConsumer(metadata, unset).policyFor("in"))
        .as("earliest when unset, as in Kafka Streams").isEqualTo(AutoOffsetReset.EARLIEST);
    assertThat(unset).containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");

    Map<String, Object> latest =
        new HashMap<>(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"));
    assertThat(OffsetResetPolicies.forMainConsumer(metadata, latest).policyFor("in"))
        .isEqualTo(AutoOffsetReset.LATEST);
    assertThat(latest).containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");

    Map<String, Object> bad =
        new HashMap<>(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "smallest"));
    assertThatThrownBy(() -> OffsetResetPolicies.forMainConsumer(metadata, bad))
        .isInstanceOf(ConfigException.class).hasMessageContaining("auto.offset.reset")
        .hasMessageContaining("smallest").hasMessageContaining("earliest, latest, none");
  }

  @Test
  void everyConfigValueKafkaClientsAcceptsParses() {
    assertThat(AutoOffsetReset.parse("EARLIEST")).isEqualTo(AutoOffsetReset.EARLIEST);
    assertThat(AutoOffsetReset.parse(" latest ")).isEqualTo(AutoOffsetReset.LATEST);
    assertThat(AutoOffsetReset.parse("none")).isEqualTo(AutoOffsetReset.NONE);
    AutoOffsetReset byDuration = AutoOffsetReset.parse("by_duration:PT1H30M");
    assertThat(byDuration.kind()).isEqualTo(AutoOffsetReset.Kind.BY_DURATION);
    assertThat(byDuration.duration()).contains(Duration.ofMinutes(90));
    assertThat(byDuration).hasToString("by_duration:PT1H30M");
    assertThatThrownBy(() -> AutoOffsetReset.parse("by_duration:-PT1H"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("-PT1H");
    assertThatThrownBy(() -> AutoOffsetReset.parse("by_duration:an hour"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("an hour");
    for (AutoOffsetReset reset : List.of(AutoOffsetReset.earliest(), AutoOffsetReset.latest(),
        AutoOffsetReset.none(), AutoOffsetReset.byDuration(Duration.ofMinutes(5)))) {
      assertThat(AutoOffsetReset.parse(reset.toString())).isEqualTo(reset);
    }
    assertThatThrownBy(() -> AutoOffsetReset.byDuration(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
  }
}
