package io.sluice.dsl.internals;

import io.sluice.dsl.JoinWindows;
import io.sluice.dsl.KStream;
import io.sluice.dsl.StreamJoined;
import io.sluice.dsl.ValueJoinerWithKey;
import io.sluice.state.StoreBuilder;
import io.sluice.state.WindowBytesStoreSupplier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;

/**
 * Declares a stream-stream join in the logical graph, with Kafka Streams' node and store names:
 * each side (repartitioned first if its key changed) enters a window node ({@code
 * KSTREAM-WINDOWED-}, or {@code <name>-this-windowed} / {@code <name>-other-windowed}) that
 * buffers it, then its join processor ({@code KSTREAM-JOINTHIS-} / {@code KSTREAM-OUTERTHIS-} and
 * {@code KSTREAM-JOINOTHER-} / {@code KSTREAM-OUTEROTHER-}, or {@code <name>[-outer]-this-join} /
 * {@code <name>[-outer]-other-join}), which probes the other side's buffer; a merge node ({@code
 * <name>-merge}) unites both sides' results. Stores: {@code <join processor>-store} or {@code
 * <storeName>[-outer]-this-join-store} / {@code ...-other-join-store}, and for left and outer joins
 * the shared buffer {@code KSTREAM-OUTERSHARED-<n>-store} or {@code
 * <storeName>-left-shared-join-store} / {@code <storeName>-outer-shared-join-store}.
 *
 * <p>Both window nodes report the records the join drops under one operator name: the {@code
 * StreamJoined} name, else the generated name of the left join processor.
 */
final class StreamStreamJoinBuilder {
  static final String WINDOWED = "KSTREAM-WINDOWED-";
  static final String JOIN_THIS = "KSTREAM-JOINTHIS-";
  static final String JOIN_OTHER = "KSTREAM-JOINOTHER-";
  static final String OUTER_THIS = "KSTREAM-OUTERTHIS-";
  static final String OUTER_OTHER = "KSTREAM-OUTEROTHER-";
  static final String OUTER_SHARED = "KSTREAM-OUTERSHARED-";

  /** Which sides keep their records without a match. */
  enum Kind {
    INNER(false, false, "join"),
    LEFT(true, false, "leftJoin"),
    OUTER(true, true, "outerJoin");

    final boolean leftOuter;
    final boolean rightOuter;
    final String operator;

    Kind(boolean leftOuter, boolean rightOuter, String operator) {
      this.leftOuter = leftOuter;
      this.rightOuter = rightOuter;
      this.operator = operator;
    }
  }

  private StreamStreamJoinBuilder() {}

  /**
   * @param left this stream
   * @param rightStream the other stream, of the same builder
   * @param joiner the user's joiner
   * @param windows the join windows
   * @param options serdes, names, stores
   * @param kind inner, left or outer
   * @return the stream of join results
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the other stream comes from another builder
   * @throws io.sluice.processor.TopologyException if a store supplier does not fit the windows
   */
  static <K, V1, V2, VR> KStream<K, VR> join(KStreamImpl<K, V1> left, KStream<K, V2> rightStream,
      ValueJoinerWithKey<? super K, ? super V1, ? super V2, ? extends VR> joiner,
      JoinWindows windows, StreamJoined<K, V1, V2> options, Kind kind) {
    String op = kind.operator;
    Objects.requireNonNull(rightStream, op + ": the other stream must not be null");
    Objects.requireNonNull(joiner, op + ": joiner must not be null");
    Objects.requireNonNull(windows, op + ": windows must not be null");
    Objects.requireNonNull(options, op + ": streamJoined must not be null");
    InternalStreamsBuilder builder = left.builder();
    if (!(rightStream instanceof KStreamImpl<K, V2> right) || right.builder() != builder) {
      throw new IllegalArgumentException(op + ": the other stream comes from another"
          + " StreamsBuilder; join only streams of the same builder");
    }
    JoinStores.check(options.thisStoreSupplier(), "this", windows);
    JoinStores.check(options.otherStoreSupplier(), "other", windows);
    String name = options.name();
    Serde<K> keySerde = first(options.keySerde(), left.keySerde(), right.keySerde());
    Serde<V1> leftSerde = first(options.valueSerde(), left.valueSerde(), null);
    Serde<V2> rightSerde = first(options.otherValueSerde(), right.valueSerde(), null);
    GraphNode leftNode = copartitioned(left, name, "-left", keySerde, leftSerde);
    GraphNode rightNode = copartitioned(right, name, "-right", keySerde, rightSerde);

    String thisWindowedName = builder.name(WINDOWED, suffixed(name, "-this-windowed"));
    String otherWindowedName = builder.name(WINDOWED, suffixed(name, "-other-windowed"));
    String thisGenerated = builder.newName(kind.rightOuter ? OUTER_THIS : JOIN_THIS);
    String otherGenerated = builder.newName(kind.leftOuter ? OUTER_OTHER : JOIN_OTHER);
    String thisSuffix = kind.rightOuter ? "-outer-this-join" : "-this-join";
    String otherSuffix = kind.leftOuter ? "-outer-other-join" : "-other-join";
    String joinThisName = name != null ? name + thisSuffix : thisGenerated;
    String joinOtherName = name != null ? name + otherSuffix : otherGenerated;
    String mergeName = builder.name(KStreamImpl.MERGE, suffixed(name, "-merge"));

    String storeBase = options.storeName();
    WindowBytesStoreSupplier thisSupplier = options.thisStoreSupplier();
    WindowBytesStoreSupplier otherSupplier = options.otherStoreSupplier();
    String thisStore = thisSupplier != null ? thisSupplier.name()
        : (storeBase != null ? storeBase + thisSuffix : thisGenerated) + "-store";
    String otherStore = otherSupplier != null ? otherSupplier.name()
        : (storeBase != null ? storeBase + otherSuffix : otherGenerated) + "-store";
    String outerStore = kind.leftOuter
        ? outerStoreName(kind, storeBase, thisSupplier, thisGenerated) : null;

    String operatorName = name != null ? name : joinThisName;
    JoinTimeTracker.Registry trackers = new JoinTimeTracker.Registry();
    long retentionMs = windows.size() + windows.gracePeriodMs();
    JoinBufferRetention thisRetention = new JoinBufferRetention(retentionMs);
    JoinBufferRetention otherRetention = new JoinBufferRetention(retentionMs);
    DropSpec leftDrops = new DropSpec(operatorName);
    DropSpec rightDrops = new DropSpec(operatorName);

    GraphNode thisWindowed = new StoreProcessorNode<>(thisWindowedName, List.of(leftNode),
        new KStreamJoinWindow<K, V1>(thisStore, true, thisRetention,
            windows.afterMs() + windows.gracePeriodMs(), kind.leftOuter, leftDrops, trackers),
        List.of(JoinStores.windowStore(thisStore, thisSupplier, options, windows, keySerde,
            leftSerde, thisRetention)), List.of(), -1, -1);
    builder.add(thisWindowed);
    builder.registerDropper(operatorName, thisWindowed, leftDrops);
    GraphNode otherWindowed = new StoreProcessorNode<>(otherWindowedName, List.of(rightNode),
        new KStreamJoinWindow<K, V2>(otherStore, false, otherRetention,
            windows.beforeMs() + windows.gracePeriodMs(), kind.rightOuter, rightDrops, trackers),
        List.of(JoinStores.windowStore(otherStore, otherSupplier, options, windows, keySerde,
            rightSerde, otherRetention)), List.of(), -1, -1);
    builder.add(otherWindowed);
    builder.registerDropper(operatorName, otherWindowed, rightDrops);

    List<Function<BuildContext, StoreBuilder<?>>> owned = new ArrayList<>();
    List<String> thisConnected = new ArrayList<>(List.of(otherStore));
    List<String> otherConnected = new ArrayList<>(List.of(thisStore));
    if (outerStore != null) {
      owned.add(JoinStores.outerStore(outerStore, options));
      otherConnected.add(outerStore);
    }
    JoinSideSpec<K, V1, V2> thisSide = new JoinSideSpec<>(otherStore, otherRetention, outerStore, windows, true,
        kind.leftOuter, keySerde, leftSerde, rightSerde);
    GraphNode joinThis = new StoreProcessorNode<>(joinThisName, List.of(thisWindowed),
        new KStreamKStreamJoin<K, V1, V2, VR>(thisSide, joiner, trackers), owned, thisConnected,
        -1, -1);
    builder.add(joinThis);
    JoinSideSpec<K, V2, V1> otherSide = new JoinSideSpec<>(thisStore, thisRetention, outerStore, windows, false,
        kind.rightOuter, keySerde, rightSerde, leftSerde);
    ValueJoinerWithKey<K, V2, V1, VR> reversed = (key, v2, v1) -> joiner.apply(key, v1, v2);
    GraphNode joinOther = new StoreProcessorNode<>(joinOtherName, List.of(otherWindowed),
        new KStreamKStreamJoin<K, V2, V1, VR>(otherSide, reversed, trackers), List.of(),
        otherConnected, -1, -1);
    builder.add(joinOther);
    GraphNode merge = new FixedKeyProcessorNode<>(mergeName, List.of(joinThis, joinOther),
        new KStreamPassThrough<K, VR>(), List.of());
    builder.add(merge);
    return new KStreamImpl<>(builder, merge, keySerde, null);
  }

  private static String outerStoreName(Kind kind, String storeBase,
      WindowBytesStoreSupplier thisSupplier, String thisGenerated) {
    String suffix = kind.rightOuter ? "-outer-shared-join" : "-left-shared-join";
    if (thisSupplier != null) {
      return thisSupplier.name() + suffix + "-store";
    }
    if (storeBase != null) {
      return storeBase + suffix + "-store";
    }
    String prefix = kind.rightOuter ? OUTER_THIS : JOIN_THIS;
    return OUTER_SHARED + thisGenerated.substring(prefix.length()) + "-store";
  }

  /**
   * @return the node to read a side from: the stream's own, or the source of a repartition topic
   *     ({@code <name><suffix>-repartition}, or {@code <stream node>-repartition} for an unnamed
   *     join) when the stream's key changed
   */
  private static <K, V> GraphNode copartitioned(KStreamImpl<K, V> stream, String name,
      String suffix, Serde<K> keySerde, Serde<V> valueSerde) {
    if (!stream.repartitionRequired()) {
      return stream.node();
    }
    String prefix = name != null ? name + suffix : stream.node().name();
    return JoinRepartition.of(stream.builder(), stream.node(), prefix, keySerde, valueSerde);
  }

  private static String suffixed(String name, String suffix) {
    return name == null ? null : name + suffix;
  }

  private static <T> Serde<T> first(Serde<T> a, Serde<T> b, Serde<T> c) {
    return a != null ? a : b != null ? b : c;
  }
}
