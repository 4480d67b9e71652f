package io.sluice.dsl.differential;

import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.StreamJoined;

/** The Apache Kafka Streams half of each join scenario; mirrors {@link JoinSluiceSide}. */
final class JoinKafkaSide {
  private JoinKafkaSide() {}

  static JoinWindows wide() {
    return JoinWindows.ofTimeDifferenceAndGrace(Duration.ofMillis(1_000), Duration.ofMillis(500));
  }

  static JoinWindows narrow() {
    return JoinWindows.ofTimeDifferenceWithNoGrace(Duration.ofMillis(300))
        .after(Duration.ofMillis(100));
  }

  static void inner(StreamsBuilder builder) {
    KStream<String, String> left = builder.stream("in");
    KStream<String, String> right = builder.stream("in2");
    left.join(right, JoinFns::joined, wide()).to("out");
    left.join(right, JoinFns::joinedWithKey, narrow(),
        StreamJoined.<String, String, String>as("narrow-store").withName("narrow")).to("out2");
  }

  static void left(StreamsBuilder builder) {
    KStream<String, String> left = builder.stream("in");
    KStream<String, String> right = builder.stream("in2");
    left.leftJoin(right, JoinFns::joined, wide()).to("out");
    left.leftJoin(right, JoinFns::joinedWithKey, narrow(),
        StreamJoined.<String, String, String>as("narrow-store").withName("narrow")).to("out2");
  }

  static void outer(StreamsBuilder builder) {
    KStream<String, String> left = builder.stream("in");
    KStream<String, String> right = builder.stream("in2");
    left.outerJoin(right, JoinFns::joined, wide()).to("out");
    left.outerJoin(right, JoinFns::joinedWithKey, narrow(),
        StreamJoined.<String, String, String>as("narrow-store").withName("narrow")).to("out2");
  }

  static void rekeyed(StreamsBuilder builder) {
    KStream<String, String> left = builder.<String, String>stream("in").selectKey(Fns::keyOf);
    KStream<String, String> right = builder.<String, String>stream("in2")
        .selectKey((k, v) -> k == null ? null : k.substring(0, Math.min(1, k.length())));
    left.leftJoin(right, JoinFns::joined, wide()).to("out");
    left.outerJoin(right, JoinFns::joinedWithKey, narrow(),
        StreamJoined.<String, String, String>as("rekeyed-store").withName("rekeyed")).to("out2");
    left.join(right, JoinFns::joined, narrow()).to("out3");
  }

  static void self(StreamsBuilder builder) {
    KStream<String, String> stream = builder.stream("in");
    stream.join(stream, JoinFns::joined, narrow()).to("out");
    stream.outerJoin(stream.mapValues(Fns::upper), JoinFns::joinedWithKey, wide()).to("out2");
  }

  static void table(StreamsBuilder builder) {
    KStream<String, String> stream = builder.stream("in");
    KTable<String, String> table = builder.table("tab");
    stream.join(table, JoinFns::joined).to("out");
    stream.leftJoin(table, JoinFns::joinedWithKey, Joined.as("left-table")).to("out2");
    stream.selectKey(Fns::keyOf).join(table, JoinFns::joined).to("out3");
  }

  static void global(StreamsBuilder builder) {
    KStream<String, String> stream = builder.stream("in");
    GlobalKTable<String, String> table = builder.globalTable("glob");
    stream.join(table, JoinFns::lookupKey, JoinFns::joined).to("out");
    stream.leftJoin(table, JoinFns::lookupKey, JoinFns::joinedWithKey, Named.as("left-global"))
        .to("out2");
  }
}
