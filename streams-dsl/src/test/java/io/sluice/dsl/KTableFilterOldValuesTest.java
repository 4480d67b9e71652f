package io.sluice.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.state.KeyValueStore;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A filter below a materialized table gets its old values, so an update whose old and new rows
 * are both rejected forwards nothing (no spurious tombstone), as in Kafka Streams.
 */
class KTableFilterOldValuesTest {
  static java.util.stream.Stream<StoreVariant> variants() {
    return StoreVariant.all();
  }

  @ParameterizedTest
  @MethodSource("variants")
  void rejectedRowsOfAMaterializedParentForwardNoTombstones(StoreVariant variant) {
    List<String> out = KTableOperatorsTest.run(variant,
        b -> b.table("in", Consumed.with(Serdes.String(), Serdes.String()),
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("rows"))
            .filter((k, v) -> v.startsWith("keep"))
            .toStream().to("out"),
        List.of(KTableOperatorsTest.rec("a", "drop-1", 10),
            KTableOperatorsTest.rec("a", "drop-2", 11),
            KTableOperatorsTest.rec("a", "keep-3", 12),
            KTableOperatorsTest.rec("a", "drop-4", 13),
            KTableOperatorsTest.rec("a", "drop-5", 14)));

    assertThat(out).containsExactly("a=keep-3@12", "a=null@13");
  }
}
