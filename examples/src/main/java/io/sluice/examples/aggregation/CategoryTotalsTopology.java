package io.sluice.examples.aggregation;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.Grouped;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Named;
import io.sluice.dsl.StreamsBuilder;
import io.sluice.processor.Topology;
import io.sluice.serdes.JsonSerde;
import io.sluice.state.KeyValueStore;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * Running aggregation: sales (value a {@link Sale}, any key) are re-keyed by category through the
 * repartition topic of {@value #GROUPING} and folded into a running {@link CategoryTotals} per
 * category in the queryable store {@value #STORE}. Nothing is written to an output topic; the
 * totals are read through interactive queries ({@link CategoryTotalsServer}).
 */
public final class CategoryTotalsTopology {

  /** The input topic: any key, value a {@link Sale}. */
  public static final String SALES = "sales";

  /** The key-value store of the totals: key a category, value its {@link CategoryTotals}. */
  public static final String STORE = "category-totals-store";

  /** The name of the grouping by category (and of its repartition topic). */
  public static final String GROUPING = "sales-by-category";

  /** The aggregation's operator name. */
  public static final String AGGREGATION = "category-totals";

  private CategoryTotalsTopology() {}

  /** @return the serde of the {@link Sale} values */
  public static Serde<Sale> saleSerde() {
    return new JsonSerde<>(Sale.class);
  }

  /** @return the serde of the {@link CategoryTotals} values */
  public static Serde<CategoryTotals> totalsSerde() {
    return new JsonSerde<>(CategoryTotals.class);
  }

  /**
   * @param props the application's settings (store type, caching, naming checks)
   * @return the topology: {@value #SALES} → group by category → running totals in {@value
   *     #STORE}
   */
  public static Topology build(Properties props) {
    Serde<Sale> sales = saleSerde();
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(SALES, Consumed.with(Serdes.String(), sales).withName("sales-in"))
        .groupBy((key, sale) -> sale.category(), Grouped.with(GROUPING, Serdes.String(), sales))
        .aggregate(CategoryTotals::empty, (category, sale, totals) -> totals.add(sale),
            Named.as(AGGREGATION),
            Materialized.<String, CategoryTotals, KeyValueStore<Bytes, byte[]>>as(STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(totalsSerde()));
    return builder.build(props);
  }
}
