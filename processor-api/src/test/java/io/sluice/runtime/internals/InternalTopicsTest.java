package io.sluice.runtime.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.Topology;
import io.sluice.processor.TopologyException;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class InternalTopicsTest {
  private static Topology repartitioning() {
    Topology topology = new Topology()
        .addSource("in", Serdes.String().deserializer(), Serdes.String().deserializer(), "input")
        .addSink("to-rep", "count-repartition", Serdes.String().serializer(),
            Serdes.String().serializer(), "in")
        .addSource("rep", Serdes.String().deserializer(), Serdes.String().deserializer(),
            "count-repartition");
    InternalTopologyBuilder.of(topology).addInternalTopic("count-repartition", -1);
    return topology;
  }

  @Test
  void resolvingPrefixesInternalTopicsInSourcesSinksAndTheRegistry() {
    InternalTopologyBuilder builder = InternalTopologyBuilder.of(repartitioning());
    InternalTopologyBuilder resolved = builder.resolvedFor("app");

    assertThat(resolved.internalTopics()).isEqualTo(Map.of("app-count-repartition", -1));
    assertThat(((NodeDef.Sink<?, ?>) resolved.node("to-rep")).topic())
        .isEqualTo("app-count-repartition");
    assertThat(((NodeDef.Source) resolved.node("rep")).topics())
        .containsExactly("app-count-repartition");
    assertThat(((NodeDef.Source) resolved.node("in")).topics()).containsExactly("input");
    assertThat(resolved.childrenOf("in")).containsExactly("to-rep");
    assertThat(resolved.resolvedFor("other")).isSameAs(resolved);
    assertThat(builder.internalTopics()).containsOnlyKeys("count-repartition");
  }

  @Test
  void theTestDriverRoutesThroughTheResolvedTopic() {
    try (SyncDriver driver = new SyncDriver(repartitioning(), new java.util.Properties(), 0L)) {
      driver.pipe("input", "k".getBytes(), "v".getBytes(), 5L, new org.apache.kafka.common.header.internals.RecordHeaders());
      assertThat(driver.producedTopicNames())
          .contains(SyncDriver.DEFAULT_APPLICATION_ID + "-count-repartition");
    }
  }

  @Test
  void conflictingOrInvalidDeclarationsAreRefused() {
    InternalTopologyBuilder builder = new InternalTopologyBuilder();
    builder.addInternalTopic("t", 3);
    builder.addInternalTopic("t", 3);
    assertThatThrownBy(() -> builder.addInternalTopic("t", 4))
        .isInstanceOf(TopologyException.class).hasMessageContaining("declare it once");
    assertThatThrownBy(() -> builder.addInternalTopic("u", 0))
        .isInstanceOf(TopologyException.class).hasMessageContaining("-1");
  }
}
