package io.sluice.dsl.internals;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.KTable;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.TableJoined;
import io.sluice.dsl.ValueJoiner;
import io.sluice.state.KeyValueStore;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/**
 * Declares a foreign-key join: left table → {@link SubscriptionSender} → subscription
 * registration topic → {@link SubscriptionReceiver} (owning the subscription store) → {@link
 * SubscriptionJoiner} (reading the right table) → response topic ← {@link
 * ForeignTableChangeProcessor} (right table updates);
 * response topic → {@link SubscriptionResolver} (reading the left table) → the result table.
 *
 * <p>Names follow Kafka Streams: with a {@link TableJoined} name {@code n}, topics {@code
 * n-subscription-registration-topic} and {@code n-subscription-response-topic}, store {@code
 * n-subscription-store}, processors {@code n-subscription-registration-processor}, {@code
 * -sink}, {@code -source}, {@code n-subscription-receive}, {@code n-subscription-join-foreign},
 * {@code n-foreign-join-subscription}, {@code n-subscription-response-sink}, {@code -source},
 * {@code n-subscription-response-resolver} and {@code n-result}; without a name the generated
 * {@code KTABLE-FK-JOIN-...-<n>}, {@code KTABLE-SINK-<n>} and {@code KTABLE-SOURCE-<n>} names.
 * The operator that reports left rows dropped for a null foreign key (inner join) is {@code n},
 * else the registration processor.
 */
final class ForeignKeyJoins {
  private static final String PREFIX = "KTABLE-FK-JOIN-";

  private ForeignKeyJoins() {}

  /**
   * @param left this table
   * @param other the right table, of the same builder
   * @param extractor the foreign key of a left row; never called with a null value
   * @param joiner joins the left value with the right value (null in a left join without match)
   * @param leftJoin whether left rows without a match still have a result
   * @param tableJoined name and partitioners
   * @param materialized the result's store, or {@code null} for none
   * @return the joined table, keyed like {@code left}
   * @throws NullPointerException if an argument other than {@code materialized} is null
   * @throws IllegalArgumentException if {@code other} comes from another builder
   */
  static <K, V, KO, VO, VR> KTable<K, VR> join(KTableImpl<K, V> left, KTable<KO, VO> other,
      BiFunction<? super K, ? super V, ? extends KO> extractor,
      ValueJoiner<? super V, ? super VO, ? extends VR> joiner, boolean leftJoin,
      TableJoined<K, KO> tableJoined, Materialized<K, VR, ?> materialized) {
    String operator = leftJoin ? "leftJoin" : "join";
    Objects.requireNonNull(extractor, operator + ": foreignKeyExtractor must not be null");
    Objects.requireNonNull(joiner, operator + ": joiner must not be null");
    Objects.requireNonNull(tableJoined, operator + ": tableJoined must not be null");
    KTableImpl<KO, VO> right = KTableJoins.sameBuilder(left, other, operator);
    InternalStreamsBuilder builder = left.builder();
    Names names = new Names(builder, tableJoined.name());

    left.enableSendingOldValues(true);
    KTableValueGetterSupplier<K, V> leftRows = left.valueGetterSupplier();
    KTableValueGetterSupplier<KO, VO> rightRows = right.valueGetterSupplier();
    ForeignKeyJoinSpec<K, V, KO, VO> spec = new ForeignKeyJoinSpec<>(names.operator,
        names.subscriptionTopic, names.responseTopic, names.store, leftJoin, left.keySerde(),
        left.valueSerde(), right.keySerde(), right.valueSerde());

    DropSpec drops = new DropSpec(names.operator);
    GraphNode sender = add(builder, new JoinProcessorNode<>(names.sender, List.of(left.node()),
        new SubscriptionSender<>(spec, extractor, drops), List.of(), List.of(), List.of()));
    builder.registerDropper(names.operator, sender, drops);
    add(builder, new InternalTopicSinkNode<>(names.subscriptionSink, List.of(sender),
        names.subscriptionTopic, right.keySerde(), Serdes.ByteArray(),
        ForeignKeyPartitioners.subscriptions(tableJoined.otherPartitioner())));
    GraphNode subscriptions = add(builder, new SourceNode(names.subscriptionSource,
        List.of(names.subscriptionTopic), null,
        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())));
    MaterializedInternal<Bytes, byte[]> store = MaterializedInternal.of(
        Materialized.<Bytes, byte[], KeyValueStore<Bytes, byte[]>>as(names.store)
            .withKeySerde(Serdes.Bytes()).withValueSerde(Serdes.ByteArray())
            .withCachingDisabled(), builder, PREFIX);
    GraphNode receiver = add(builder, new JoinProcessorNode<>(names.receiver,
        List.of(subscriptions), new SubscriptionReceiver<>(spec), List.of(),
        List.of(store::timestampedKeyValueStore), List.of()));
    GraphNode answers = add(builder, new JoinProcessorNode<>(names.joiner, List.of(receiver),
        new SubscriptionJoiner<>(spec, rightRows), List.of(rightRows), List.of(), List.of()));
    GraphNode foreign = add(builder, new JoinProcessorNode<>(names.foreign,
        List.of(right.node()), new ForeignTableChangeProcessor<>(spec), List.of(), List.of(),
        List.of(names.store)));
    add(builder, new InternalTopicSinkNode<>(names.responseSink, List.of(answers, foreign),
        names.responseTopic, left.keySerde(), Serdes.ByteArray(),
        ForeignKeyPartitioners.responses(tableJoined.partitioner())));
    GraphNode responses = add(builder, new SourceNode(names.responseSource,
        List.of(names.responseTopic), null, Consumed.with(left.keySerde(), Serdes.ByteArray())));
    GraphNode resolver = add(builder, new JoinProcessorNode<>(names.resolver,
        List.of(responses), new SubscriptionResolver<>(spec, leftRows, joiner),
        List.of(leftRows), List.of(), List.of()));

    Materialized<K, VR, ?> output =
        materialized != null ? materialized : Materialized.with(null, null);
    MaterializedInternal<K, VR> result = MaterializedInternal.of(output, builder,
        PREFIX + "OUTPUT-").withKeySerdeIfAbsent(left.keySerde());
    return TableSources.sourceTable(builder, resolver, names.output, result, left.keySerde(),
        result.valueSerde());
  }

  private static GraphNode add(InternalStreamsBuilder builder, GraphNode node) {
    builder.add(node);
    return node;
  }

  /**
   * The join's node, topic and store names, in Kafka Streams' order and with its names: each
   * takes a value of the builder's name counter, even when the {@link TableJoined} names it.
   */
  private static final class Names {
    final String operator;
    final String subscriptionTopic;
    final String sender;
    final String subscriptionSink;
    final String subscriptionSource;
    final String store;
    final String receiver;
    final String joiner;
    final String foreign;
    final String responseTopic;
    final String responseSink;
    final String responseSource;
    final String resolver;
    final String output;

    Names(InternalStreamsBuilder builder, String base) {
      subscriptionTopic = name(builder, base, "-subscription-registration",
          PREFIX + "SUBSCRIPTION-REGISTRATION-") + "-topic";
      sender = name(builder, base, "-subscription-registration-processor",
          PREFIX + "SUBSCRIPTION-REGISTRATION-");
      operator = base != null ? base : sender;
      subscriptionSink = name(builder, base, "-subscription-registration-sink", "KTABLE-SINK-");
      subscriptionSource =
          name(builder, base, "-subscription-registration-source", "KTABLE-SOURCE-");
      String generatedStore = builder.newStoreName(PREFIX + "SUBSCRIPTION-");
      store = base != null ? base + "-subscription-store" : generatedStore;
      receiver = name(builder, base, "-subscription-receive", PREFIX + "SUBSCRIPTION-PROCESSOR-");
      joiner = name(builder, base, "-subscription-join-foreign",
          PREFIX + "SUBSCRIPTION-PROCESSOR-");
      foreign = name(builder, base, "-foreign-join-subscription",
          PREFIX + "SUBSCRIPTION-PROCESSOR-");
      responseTopic = name(builder, base, "-subscription-response",
          PREFIX + "SUBSCRIPTION-RESPONSE-") + "-topic";
      responseSink = name(builder, base, "-subscription-response-sink", "KTABLE-SINK-");
      responseSource = name(builder, base, "-subscription-response-source", "KTABLE-SOURCE-");
      resolver = name(builder, base, "-subscription-response-resolver",
          PREFIX + "SUBSCRIPTION-RESPONSE-RESOLVER-PROCESSOR-");
      output = name(builder, base, "-result", PREFIX + "OUTPUT-");
    }

    private static String name(InternalStreamsBuilder builder, String base, String suffix,
        String prefix) {
      return builder.name(prefix, base == null ? null : base + suffix);
    }
  }
}
