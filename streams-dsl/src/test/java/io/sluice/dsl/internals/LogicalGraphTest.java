package io.sluice.dsl.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.KStream;
import io.sluice.processor.FixedKeyProcessor;
import io.sluice.processor.Processor;
import io.sluice.state.KeyValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The logical graph: parent/child links, creation order and the repartition-required flag. */
class LogicalGraphTest {
  private final InternalStreamsBuilder builder = new InternalStreamsBuilder();
  private final KStream<String, String> source =
      builder.stream(List.of("in"), null, Consumed.defaults());

  private static boolean repartition(KStream<?, ?> stream) {
    return ((KStreamImpl<?, ?>) stream).repartitionRequired();
  }

  @Test
  void keyChangingOperatorsMarkTheStreamAndItsDescendants() {
    assertThat(repartition(source)).isFalse();
    assertThat(repartition(source.filter((k, v) -> true))).isFalse();
    assertThat(repartition(source.mapValues(v -> v))).isFalse();
    assertThat(repartition(source.flatMapValues(v -> List.of(v)))).isFalse();
    assertThat(repartition(source.peek((k, v) -> { }))).isFalse();
    assertThat(repartition(source.processValues(() -> (FixedKeyProcessor<String, String, String>)
        record -> { }, null))).isFalse();

    KStream<String, String> rekeyed = source.selectKey((k, v) -> v);
    assertThat(repartition(rekeyed)).isTrue();
    assertThat(repartition(source.map((k, v) -> KeyValue.pair(v, k)))).isTrue();
    assertThat(repartition(source.flatMap((k, v) -> List.of(KeyValue.pair(v, k))))).isTrue();
    assertThat(repartition(source.process(() -> (Processor<String, String, String, String>)
        record -> { }, null))).isTrue();

    assertThat(repartition(rekeyed.mapValues(v -> v).filter((k, v) -> true))).isTrue();
    assertThat(repartition(rekeyed.split().defaultBranch().values().iterator().next())).isTrue();
    assertThat(repartition(source.merge(rekeyed))).isTrue();
    assertThat(repartition(source.merge(source.filter((k, v) -> true)))).isFalse();
  }

  @Test
  void nodesAreLinkedAndKeptInCreationOrder() {
    KStream<String, String> filtered = source.filter((k, v) -> true);
    filtered.to("a");
    filtered.merge(source).to("b");
    List<GraphNode> nodes = builder.nodes();
    assertThat(nodes).extracting(GraphNode::name).containsExactly(
        "KSTREAM-SOURCE-0000000000", "KSTREAM-FILTER-0000000001", "KSTREAM-SINK-0000000002",
        "KSTREAM-MERGE-0000000003", "KSTREAM-SINK-0000000004");
    GraphNode src = nodes.get(0);
    GraphNode merge = nodes.get(3);
    assertThat(src.children()).extracting(GraphNode::name)
        .containsExactly("KSTREAM-FILTER-0000000001", "KSTREAM-MERGE-0000000003");
    assertThat(merge.parents()).extracting(GraphNode::name)
        .containsExactly("KSTREAM-FILTER-0000000001", "KSTREAM-SOURCE-0000000000");
    for (int i = 0; i < nodes.size(); i++) {
      for (GraphNode parent : nodes.get(i).parents()) {
        assertThat(nodes.indexOf(parent)).as("parent of %s written first", nodes.get(i))
            .isLessThan(i);
      }
    }
  }
}
