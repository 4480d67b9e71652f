package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.TopologyException;
import io.sluice.state.Stores;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bad arguments fail when the operator is declared, with messages naming what is wrong. */
class BuildValidationTest {
  private final StreamsBuilder builder = new StreamsBuilder();
  private final KStream<String, String> stream = builder.stream("in");

  private static void failsNaming(ThrowingCallable call, String operator, String argument) {
    assertThatNullPointerException().isThrownBy(call)
        .withMessageContaining(operator).withMessageContaining(argument);
  }

  @Test
  void nullFunctionsFailNamingOperatorAndArgument() {
    failsNaming(() -> stream.filter(null), "filter", "predicate");
    failsNaming(() -> stream.filterNot(null), "filterNot", "predicate");
    failsNaming(() -> stream.map(null), "map", "mapper");
    failsNaming(() -> stream.mapValues((ValueMapper<String, String>) null), "mapValues", "mapper");
    failsNaming(() -> stream.mapValues((ValueMapperWithKey<String, String, String>) null),
        "mapValues", "mapper");
    failsNaming(() -> stream.flatMap(null), "flatMap", "mapper");
    failsNaming(() -> stream.flatMapValues((ValueMapper<String, List<String>>) null),
        "flatMapValues", "mapper");
    failsNaming(() -> stream.selectKey(null), "selectKey", "mapper");
    failsNaming(() -> stream.peek(null), "peek", "action");
    failsNaming(() -> stream.foreach(null), "foreach", "action");
    failsNaming(() -> stream.merge(null), "merge", "other stream");
    failsNaming(() -> stream.to((String) null), "to", "topic");
    failsNaming(() -> stream.to("out", null), "to", "produced");
    failsNaming(() -> stream.process(null, null), "process", "supplier");
    failsNaming(() -> stream.processValues(null, null), "processValues", "supplier");
    failsNaming(() -> stream.split().branch(null), "branch", "predicate");
    failsNaming(() -> builder.stream((String) null, Consumed.defaults()), "stream", "topic");
  }

  @Test
  void duplicateNamesFailNamingTheDuplicate() {
    stream.filter((k, v) -> true, Named.as("dup"));
    assertThatThrownBy(() -> stream.peek((k, v) -> { }, Named.as("dup")))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("'dup'");
    assertThatThrownBy(() -> builder.stream("other", Consumed.as("dup")))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("'dup'");
  }

  @Test
  void illegalNamesAreRejectedWithTheValidCharacters() {
    assertThatThrownBy(() -> Named.as("a b"))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("'a b'").hasMessageContaining("' '");
    assertThatThrownBy(() -> Named.as("")).isInstanceOf(TopologyException.class);
    assertThatThrownBy(() -> Named.as("x".repeat(Named.MAX_LENGTH + 1)))
        .isInstanceOf(TopologyException.class).hasMessageContaining("249");
    assertThat(Named.as("ok.name_-1").name()).isEqualTo("ok.name_-1");
    assertThatThrownBy(() -> Produced.as("bad/name")).isInstanceOf(TopologyException.class);
    assertThatThrownBy(() -> Branched.as("bad*")).isInstanceOf(TopologyException.class);
  }

  @Test
  void splitCannotGrowAfterItEnded() {
    BranchedKStream<String, String> split = stream.split();
    split.branch((k, v) -> true);
    split.noDefaultBranch();
    assertThatThrownBy(() -> split.branch((k, v) -> false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("KSTREAM-BRANCH-0000000001");
  }

  @Test
  void mergingStreamsOfTwoBuildersFails() {
    KStream<String, String> foreign = new StreamsBuilder().stream("x");
    assertThatThrownBy(() -> stream.merge(foreign))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another StreamsBuilder");
  }

  @Test
  void storesAreAddedOnceAndUnknownStoresFailAtBuild() {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore("counts"), null, null));
    assertThatThrownBy(() -> builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore("counts"), null, null)))
        .isInstanceOf(TopologyException.class).hasMessageContaining("'counts'");
    stream.process(() -> record -> { }, Named.as("uses-missing"), "missing");
    assertThatThrownBy(builder::build).isInstanceOf(TopologyException.class)
        .hasMessageContaining("missing");
  }
}
