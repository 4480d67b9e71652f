package io.sluice.dsl.differential;

import io.sluice.dsl.Branched;
import io.sluice.dsl.Consumed;
import io.sluice.dsl.KStream;
import io.sluice.dsl.Named;
import io.sluice.dsl.StreamsBuilder;
import io.sluice.processor.FixedKeyProcessor;
import io.sluice.processor.FixedKeyProcessorContext;
import io.sluice.processor.FixedKeyRecord;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.state.KeyValue;
import java.util.Map;

/** The Sluice half of each stateless scenario; {@link KafkaSide} has the same methods. */
final class SluiceSide {
  private SluiceSide() {}

  static void filter(StreamsBuilder builder) {
    KStream<String, String> in = builder.stream("in");
    in.filter(Fns::keep).filterNot((k, v) -> Fns.digitFirst(v)).to("out");
    in.filterNot(Fns::keep, Named.as("not-kept")).to("out2");
  }

  static void map(StreamsBuilder builder) {
    builder.<String, String>stream("in")
        .map((k, v) -> KeyValue.pair(Fns.keyOf(k, v), Fns.describe(k, v))).to("out");
  }

  static void mapValues(StreamsBuilder builder) {
    builder.<String, String>stream("in").mapValues(Fns::upper)
        .mapValues(Fns::describe, Named.as("describe")).to("out");
  }

  static void flatMap(StreamsBuilder builder) {
    builder.<String, String>stream("in")
        .flatMap((k, v) -> Fns.explode(k, v).stream().map(p -> KeyValue.pair(p[0], p[1])).toList())
        .to("out");
  }

  static void flatMapValues(StreamsBuilder builder) {
    KStream<String, String> in = builder.stream("in");
    in.flatMapValues(Fns::chunks).to("out");
    in.flatMapValues((k, v) -> Fns.chunks(k)).to("out2");
  }

  static void selectKey(StreamsBuilder builder) {
    builder.<String, String>stream("in").selectKey(Fns::keyOf).peek((k, v) -> { }).to("out");
  }

  static void split(StreamsBuilder builder) {
    Map<String, KStream<String, String>> branches = builder.<String, String>stream("in")
        .split(Named.as("split-"))
        .branch((k, v) -> Fns.digitFirst(v), Branched.as("digits"))
        .branch((k, v) -> k == null, Branched.withFunction(s -> s.mapValues(Fns::upper)))
        .branch(Fns::keep, Branched.withConsumer(s -> s.to("out-kept")))
        .defaultBranch(Branched.as("rest"));
    branches.get("split-digits").to("out-digits");
    branches.get("split-2").to("out-null-keys");
    branches.get("split-rest").to("out-rest");
    builder.<String, String>stream("in2").split()
        .branch((k, v) -> v == null)
        .noDefaultBranch()
        .values().forEach(s -> s.to("out-null-values"));
  }

  static void merge(StreamsBuilder builder) {
    KStream<String, String> left = builder.stream("in");
    KStream<String, String> right = builder.<String, String>stream("in2").mapValues(Fns::upper);
    left.merge(right).merge(left.filter(Fns::keep), Named.as("second-merge")).to("out");
  }

  static void topicNameExtractor(StreamsBuilder builder) {
    builder.<String, String>stream("in").to((record, metadata) -> Fns.topicOf(record.key()));
  }

  static void process(StreamsBuilder builder) {
    builder.<String, String>stream("in")
        .process(() -> new Processor<String, String, String, String>() {
          private ProcessorContext<String, String> context;

          @Override
          public void init(ProcessorContext<String, String> context) {
            this.context = context;
          }

          @Override
          public void process(Record<String, String> record) {
            context.forward(record.withKey(record.value()).withValue(record.key()));
            context.forward(record.withTimestamp(record.timestamp() + 1));
          }
        }, null)
        .processValues(() -> new FixedKeyProcessor<String, String, String>() {
          private FixedKeyProcessorContext<String, String> context;

          @Override
          public void init(FixedKeyProcessorContext<String, String> context) {
            this.context = context;
          }

          @Override
          public void process(FixedKeyRecord<String, String> record) {
            context.forward(record.withValue(Fns.describe(record.key(), record.value())));
          }
        }, Named.as("describe-values"))
        .to("out");
  }

  static void chain(StreamsBuilder builder) {
    builder.<String, String>stream("in")
        .selectKey(Fns::keyOf)
        .filter(Fns::keep)
        .flatMapValues(Fns::chunks)
        .mapValues(Fns::describe)
        .flatMap((k, v) -> Fns.explode(k, v).stream().map(p -> KeyValue.pair(p[0], p[1])).toList())
        .peek((k, v) -> { }, Named.as("watch"))
        .to("out");
  }

  /** Fails on the first record whose value starts with a digit: the mapper returns null. */
  static void mapReturningNull(StreamsBuilder builder) {
    builder.<String, String>stream("in")
        .<String, String>map((k, v) -> Fns.digitFirst(v) ? null : KeyValue.pair(k, v))
        .to("out");
  }

  /** Fails on the first record with a null value: the mapper returns a null collection. */
  static void flatMapValuesReturningNull(StreamsBuilder builder) {
    builder.<String, String>stream("in")
        .filter((k, v) -> k != null)
        .<String>flatMapValues(v -> v == null ? null : Fns.chunks(v))
        .to("out");
  }

  /** A source with a timestamp extractor that reads partition time; negative results included. */
  static void timestampExtractor(StreamsBuilder builder) {
    builder.stream("in", Consumed.<String, String>as("timed").withTimestampExtractor(
            (record, partitionTime) -> Fns.extractTimestamp(
                record.timestamp(), (String) record.value(), partitionTime)))
        .to("out");
  }
}
