package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.AutoOffsetReset;
import io.sluice.processor.SourceOptions;
import io.sluice.processor.Topology;
import io.sluice.processor.TopologyException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What building a {@link StreamsApp} refuses, before anything connects to a broker. */
class StreamsAppValidationTest {
  private static final ByteArrayDeserializer DE = new ByteArrayDeserializer();

  @TempDir Path stateDir;

  private Properties props() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID, "validation-app");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS, "localhost:9");
    props.put(StreamsConfig.STATE_DIR, stateDir.toString());
    return props;
  }

  @Test
  void conflictingOffsetResetPoliciesFailWhenTheAppIsBuilt() {
    Topology topology = new Topology()
        .addSource("all", SourceOptions.defaults().withOffsetReset(AutoOffsetReset.LATEST), DE, DE,
            Pattern.compile("orders.*"))
        .addSource("eu", DE, DE, "orders-eu");
    assertThatThrownBy(() -> new StreamsApp(topology, props()))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("'orders-eu'").hasMessageContaining("'all'");
  }

  @Test
  void anInvalidDefaultOffsetResetFailsNamingTheSetting() {
    Topology topology = new Topology().addSource("in", DE, DE, "in");
    Properties props = props();
    props.put("auto.offset.reset", "sometimes");
    assertThatThrownBy(() -> new StreamsApp(topology, props))
        .isInstanceOf(ConfigException.class).hasMessageContaining("auto.offset.reset")
        .hasMessageContaining("sometimes");
  }
}
