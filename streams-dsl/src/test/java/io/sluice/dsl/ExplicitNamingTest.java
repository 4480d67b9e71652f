package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.Topology;
import io.sluice.processor.TopologyException;
import io.sluice.runtime.StreamsConfig;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/**
 * Generated names of stores and internal topics: a warning by default, a build error with
 * ensure.explicit.internal.resource.naming=true.
 */
class ExplicitNamingTest {
  private static final Consumed<String, String> STRINGS =
      Consumed.with(Serdes.String(), Serdes.String());

  private static Properties ensure(Object value) {
    Properties props = new Properties();
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING, value);
    return props;
  }

  @Test
  void generatedStoreAndTopicNamesAreABuildErrorWhenExplicitNamingIsRequired() {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> in = builder.stream("in", STRINGS);
    in.deduplicate(Duration.ofSeconds(1)).to("out");
    in.deduplicate((k, v) -> v, Duration.ofSeconds(1), Deduplicated.with(Serdes.String()))
        .to("out2");
    assertThatThrownBy(() -> builder.build(ensure("true")))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("ensure.explicit.internal.resource.naming=true")
        .hasMessageContaining("store 'KSTREAM-DEDUPLICATE-STATE-STORE-0000000002' of stateful"
            + " operator 'KSTREAM-DEDUPLICATE-0000000001'")
        .hasMessageContaining("internal topic 'KSTREAM-DEDUPLICATE-0000000004-repartition'")
        .hasMessageContaining("Materialized.as");
    // Without the setting, or with false, the same topology builds (with a WARN line).
    assertThat(builder.build().describe().subtopologies()).isNotEmpty();
    assertThat(builder.build(ensure(false)).describe().subtopologies()).isNotEmpty();
  }

  @Test
  void explicitlyNamedStatefulOperatorsPass() {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> in = builder.stream("in", STRINGS);
    in.deduplicate(Duration.ofSeconds(1), Deduplicated.as("by-key")).to("out");
    in.deduplicate((k, v) -> v, Duration.ofSeconds(1),
        Deduplicated.<String>as("by-value").withIdSerde(Serdes.String())).to("out2");
    Topology topology = builder.build(ensure(true));
    assertThat(topology.describe().toString()).contains("by-key-store", "by-value-store");
  }

  @Test
  void statelessTopologiesNeedNoNames() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", STRINGS).filter((k, v) -> true).mapValues(v -> v).to("out");
    assertThat(builder.build(ensure("true")).describe().subtopologies()).hasSize(1);
  }

  @Test
  void anInvalidValueNamesTheSettingAndTheValidValues() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", STRINGS).deduplicate(Duration.ofSeconds(1)).to("out");
    assertThatThrownBy(() -> builder.build(ensure("yes")))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("Invalid value 'yes' for ensure.explicit.internal.resource.naming")
        .hasMessageContaining("true or false");
  }
}
