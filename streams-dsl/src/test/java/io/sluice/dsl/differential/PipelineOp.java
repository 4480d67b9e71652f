package io.sluice.dsl.differential;

import io.sluice.processor.FixedKeyProcessor;
import io.sluice.processor.FixedKeyProcessorContext;
import io.sluice.processor.FixedKeyRecord;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * One stateless step of a random pipeline, written for both libraries. A step gets the stream and
 * a processor name ({@code null} for a generated one) and returns the next stream.
 *
 * @param label the step's name in failure reports
 * @param kafka the step on Kafka Streams
 * @param sluice the step on Sluice
 */
record PipelineOp(String label,
    BiFunction<KStream<String, String>, String, KStream<String, String>> kafka,
    BiFunction<io.sluice.dsl.KStream<String, String>, String,
        io.sluice.dsl.KStream<String, String>> sluice) {

  @Override
  public String toString() {
    return label;
  }

  private static io.sluice.dsl.Named named(String name) {
    return name == null ? null : io.sluice.dsl.Named.as(name);
  }

  /** Every step, each usable any number of times in any order. */
  static final List<PipelineOp> ALL = List.of(
      new PipelineOp("filter",
          (s, n) -> n == null ? s.filter(Fns::keep) : s.filter(Fns::keep, Named.as(n)),
          (s, n) -> s.filter(Fns::keep, named(n))),
      new PipelineOp("filterNot",
          (s, n) -> n == null
              ? s.filterNot((k, v) -> Fns.digitFirst(v))
              : s.filterNot((k, v) -> Fns.digitFirst(v), Named.as(n)),
          (s, n) -> s.filterNot((k, v) -> Fns.digitFirst(v), named(n))),
      new PipelineOp("map",
          (s, n) -> n == null
              ? s.map((k, v) -> org.apache.kafka.streams.KeyValue.pair(v, k))
              : s.map((k, v) -> org.apache.kafka.streams.KeyValue.pair(v, k), Named.as(n)),
          (s, n) -> s.map((k, v) -> io.sluice.state.KeyValue.pair(v, k), named(n))),
      new PipelineOp("mapValues",
          (s, n) -> n == null ? s.mapValues(Fns::upper) : s.mapValues(Fns::upper, Named.as(n)),
          (s, n) -> s.mapValues(Fns::upper, named(n))),
      new PipelineOp("mapValuesWithKey",
          (s, n) -> n == null
              ? s.mapValues(Fns::describe)
              : s.mapValues(Fns::describe, Named.as(n)),
          (s, n) -> s.mapValues(Fns::describe, named(n))),
      new PipelineOp("flatMap",
          (s, n) -> n == null ? s.flatMap(PipelineOp::kafkaPairs)
              : s.flatMap(PipelineOp::kafkaPairs, Named.as(n)),
          (s, n) -> s.flatMap(PipelineOp::sluicePairs, named(n))),
      new PipelineOp("flatMapValues",
          (s, n) -> n == null ? s.flatMapValues(Fns::chunks)
              : s.flatMapValues(Fns::chunks, Named.as(n)),
          (s, n) -> s.flatMapValues(Fns::chunks, named(n))),
      new PipelineOp("selectKey",
          (s, n) -> n == null ? s.selectKey(Fns::keyOf) : s.selectKey(Fns::keyOf, Named.as(n)),
          (s, n) -> s.selectKey(Fns::keyOf, named(n))),
      new PipelineOp("peek",
          (s, n) -> n == null ? s.peek((k, v) -> { }) : s.peek((k, v) -> { }, Named.as(n)),
          (s, n) -> s.peek((k, v) -> { }, named(n))),
      new PipelineOp("mergeWithFilteredSelf",
          (s, n) -> n == null ? s.merge(s.filter(Fns::keep))
              : s.merge(s.filter(Fns::keep), Named.as(n)),
          (s, n) -> s.merge(s.filter(Fns::keep), named(n))),
      new PipelineOp("splitAndMergeBack",
          (s, n) -> {
            Map<String, KStream<String, String>> branches =
                (n == null ? s.split() : s.split(Named.as(n)))
                    .branch((k, v) -> Fns.digitFirst(v),
                        org.apache.kafka.streams.kstream.Branched.as("d"))
                    .defaultBranch(org.apache.kafka.streams.kstream.Branched.as("o"));
            return branch(branches, "d").mapValues(Fns::upper).merge(branch(branches, "o"));
          },
          (s, n) -> {
            Map<String, io.sluice.dsl.KStream<String, String>> branches = s.split(named(n))
                .branch((k, v) -> Fns.digitFirst(v), io.sluice.dsl.Branched.as("d"))
                .defaultBranch(io.sluice.dsl.Branched.as("o"));
            return branch(branches, "d").mapValues(Fns::upper).merge(branch(branches, "o"));
          }),
      new PipelineOp("processValues",
          (s, n) -> n == null ? s.processValues(KafkaValueLength::new)
              : s.processValues(KafkaValueLength::new, Named.as(n)),
          (s, n) -> s.processValues(SluiceValueLength::new, named(n))));

  private static <S> S branch(Map<String, S> branches, String suffix) {
    return branches.entrySet().stream().filter(e -> e.getKey().endsWith(suffix))
        .map(Map.Entry::getValue).findFirst().orElseThrow();
  }

  private static List<org.apache.kafka.streams.KeyValue<String, String>> kafkaPairs(
      String key, String value) {
    return Fns.explode(key, value).stream()
        .map(p -> org.apache.kafka.streams.KeyValue.pair(p[0], p[1])).toList();
  }

  private static List<io.sluice.state.KeyValue<String, String>> sluicePairs(
      String key, String value) {
    return Fns.explode(key, value).stream()
        .map(p -> io.sluice.state.KeyValue.pair(p[0], p[1])).toList();
  }

  /** Replaces the value by "key:length" on Kafka Streams. */
  private static final class KafkaValueLength implements
      org.apache.kafka.streams.processor.api.FixedKeyProcessor<String, String, String> {
    private org.apache.kafka.streams.processor.api.FixedKeyProcessorContext<String, String> context;

    @Override
    public void init(
        org.apache.kafka.streams.processor.api.FixedKeyProcessorContext<String, String> context) {
      this.context = context;
    }

    @Override
    public void process(
        org.apache.kafka.streams.processor.api.FixedKeyRecord<String, String> record) {
      context.forward(record.withValue(Fns.describe(record.key(), record.value())));
    }
  }

  /** Replaces the value by "key:length" on Sluice. */
  private static final class SluiceValueLength
      implements FixedKeyProcessor<String, String, String> {
    private FixedKeyProcessorContext<String, String> context;

    @Override
    public void init(FixedKeyProcessorContext<String, String> context) {
      this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, String> record) {
      context.forward(record.withValue(Fns.describe(record.key(), record.value())));
    }
  }
}
