package io.sluice.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.state.KeyValueStore;
import io.sluice.state.StoreBuilder;
import io.sluice.state.Stores;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TopologyTest {
  private static final StringDeserializer DE = new StringDeserializer();
  private static final StringSerializer SER = new StringSerializer();

  private static final class Pass implements Processor<String, String, String, String> {
    @Override
    public void process(Record<String, String> record) {}
  }

  private static StoreBuilder<KeyValueStore<String, Long>> store(String name) {
    return Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.Long());
  }

  private static Topology withSource() {
    return new Topology().addSource("src", DE, DE, "in");
  }

  @Test
  void duplicateNamesAreRejected() {
    assertThatThrownBy(() -> withSource().addProcessor("src", Pass::new, "src"))
        .isInstanceOf(TopologyException.class)
        .hasMessage("Node 'src' is already in the topology; give each source, processor and sink"
            + " a unique name");
  }

  @Test
  void unknownParentsAreRejected() {
    assertThatThrownBy(() -> withSource().addProcessor("p", Pass::new, "missing"))
        .isInstanceOf(TopologyException.class)
        .hasMessage("Node 'p' names parent 'missing', which is not in the topology; add 'missing'"
            + " before 'p' (nodes so far: [src])");
  }

  @Test
  void nodesWithoutParentsAreRejected() {
    assertThatThrownBy(() -> withSource().addProcessor("p", Pass::new))
        .isInstanceOf(TopologyException.class)
        .hasMessage("Node 'p' has no parents; name at least one source or processor as parent");
  }

  @Test
  void sinksCannotBeParents() {
    Topology topology = withSource().addSink("out", "out", SER, SER, "src");
    assertThatThrownBy(() -> topology.addProcessor("p", Pass::new, "out"))
        .isInstanceOf(TopologyException.class)
        .hasMessage("Node 'p' names sink 'out' as parent, but a sink has no children; use a"
            + " processor or source as parent");
  }

  @Test
  void aTopicCanFeedOnlyOneSource() {
    assertThatThrownBy(() -> withSource().addSource("src2", DE, DE, "other", "in"))
        .isInstanceOf(TopologyException.class)
        .hasMessage("Source 'src2' reads topic 'in', which source 'src' already reads; a topic"
            + " can feed only one source, so add 'src2' as a child of 'src' instead");
  }

  @Test
  void sourcesNeedTopics() {
    assertThatThrownBy(() -> new Topology().addSource("src", DE, DE))
        .isInstanceOf(TopologyException.class)
        .hasMessage("Source 'src' has no topics; pass at least one topic name or a pattern");
  }

  @Test
  void suppliersMustNotBeNull() {
    assertThatThrownBy(() -> withSource().addProcessor("p", null, "src"))
        .isInstanceOf(TopologyException.class)
        .hasMessage("Processor 'p' has a null supplier; pass a supplier that creates the"
            + " processor");
  }

  @Test
  void suppliersMustReturnANewInstancePerCall() {
    Pass shared = new Pass();
    assertThatThrownBy(() -> withSource().addProcessor("p", () -> shared, "src"))
        .isInstanceOf(TopologyException.class)
        .hasMessage("The supplier of processor 'p' returned the same instance twice; get() must"
            + " return a new processor on every call, because each task needs its own");
  }

  @Test
  void storesMustExistAndBeUniqueBeforeBeingConnected() {
    Topology topology = withSource().addProcessor("p", Pass::new, "src");
    assertThatThrownBy(() -> topology.connectProcessorAndStateStores("p", "nope"))
        .isInstanceOf(TopologyException.class)
        .hasMessage("Cannot connect store 'nope' to processor 'p': no such store; add it with"
            + " addStateStore first (stores: [])");
    topology.addStateStore(store("s"), "p");
    assertThatThrownBy(() -> topology.addStateStore(store("s")))
        .isInstanceOf(TopologyException.class)
        .hasMessage("Store 's' is already added; store names must be unique, or connect the"
            + " existing store with connectProcessorAndStateStores");
    assertThatThrownBy(() -> topology.addStateStore(store("t"), "src"))
        .isInstanceOf(TopologyException.class)
        .hasMessage("Cannot connect stores [t] to 'src': it is not a processor; add the"
            + " processor first (processors: [p])");
  }

  @Test
  void globalStoresMustNotLog() {
    assertThatThrownBy(() -> new Topology().addGlobalStore(store("g"), "gs", null, DE, DE,
            "g-topic", "gp", () -> new Processor<String, String, Void, Void>() {
              @Override
              public void process(Record<String, String> record) {}
            }))
        .isInstanceOf(TopologyException.class)
        .hasMessage("Global store 'g' has logging enabled; its source topic '[g-topic]' is"
            + " already its changelog, so call withLoggingDisabled()");
  }

  @Test
  void storesCanOnlyBeConnectedToKnownProcessors() {
    assertThatThrownBy(() -> withSource().addStateStore(store("s"), "ghost"))
        .isInstanceOf(TopologyException.class)
        .hasMessage("Cannot connect stores [s] to 'ghost': it is not in the topology; add the"
            + " processor first (processors: [])");
  }

  @Test
  void topicAndNodeNamesMustBeReal() {
    assertThatThrownBy(() -> new Topology().addSource("src", DE, DE, "in", ""))
        .isInstanceOf(TopologyException.class)
        .hasMessage("Source 'src' has a null or empty topic name; pass real topic names");
    assertThatThrownBy(() -> new Topology().addSource("", DE, DE, "in"))
        .isInstanceOf(TopologyException.class)
        .hasMessage("A node name is null or empty; give every node a unique name");
  }

  @Test
  void globalStoreNodesCannotHaveChildren() {
    Topology topology = new Topology().addGlobalStore(store("g").withLoggingDisabled(), "gs",
        null, DE, DE, "g-topic", "gp", () -> new Processor<String, String, Void, Void>() {
          @Override
          public void process(Record<String, String> record) {}
        });
    assertThatThrownBy(() -> topology.addProcessor("p", Pass::new, "gs"))
        .isInstanceOf(TopologyException.class)
        .hasMessage("Node 'p' names 'gs' as parent, but it feeds a global store and cannot have"
            + " other children; read the topic with a separate source");
    assertThatThrownBy(() -> topology.addSource("again", DE, DE, "g-topic"))
        .isInstanceOf(TopologyException.class)
        .hasMessageStartingWith("Source 'again' reads topic 'g-topic', which source 'gs'");
  }

  @Test
  void describesSubtopologiesGroupedByLinksAndSharedStores() {
    Topology topology = new Topology()
        .addSource("orders", DE, DE, "orders", "more-orders")
        .addProcessor("count", Pass::new, "orders")
        .addSink("to-counts", "counts", SER, SER, "count")
        .addSource("clicks", SourceOptions.defaults().withOffsetReset(AutoOffsetReset.LATEST),
            DE, DE, Pattern.compile("clicks-.*"))
        .addProcessor("tally", Pass::new, "clicks")
        .addStateStore(store("totals"), "count", "tally")
        .addSource("audit", DE, DE, "audit")
        .addProcessor("check", Pass::new, "audit")
        .addGlobalStore(store("names").withLoggingDisabled(), "names-src", null, DE, DE, "names",
            "names-writer", () -> new Processor<String, String, Void, Void>() {
              @Override
              public void process(Record<String, String> record) {}
            });
    assertThat(topology.describe().subtopologies()).hasSize(2);
    assertThat(topology.describe().toString()).isEqualTo("""
        Topology
          Sub-topology 0
            Source orders (topics: [orders, more-orders])
              --> count
            Processor count (stores: [totals])
              --> to-counts
              <-- orders
            Sink to-counts (topic: counts)
              <-- count
            Source clicks (pattern: clicks-.*)
              --> tally
            Processor tally (stores: [totals])
              <-- clicks
          Sub-topology 1
            Source audit (topics: [audit])
              --> check
            Processor check (stores: [])
              <-- audit
          Global store names (source names-src reads names, processor names-writer)
        """);
  }
}
