package io.sluice.bench.e2e;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;

/** Apache Kafka Streams running the benchmark's topologies. */
final class KafkaStreamsSut {
  private KafkaStreamsSut() {}

  static void run(SutSettings settings) throws InterruptedException {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, String> input = builder.stream(settings.input(),
        Consumed.with(Serdes.String(), Serdes.String()));
    Produced<String, String> strings = Produced.with(Serdes.String(), Serdes.String());
    Produced<String, Long> counts = Produced.with(Serdes.String(), Serdes.Long());
    switch (settings.mode()) {
      case PASS_THROUGH -> input.to(settings.output(), strings);
      case MAP_FILTER -> input.mapValues(v -> v.toUpperCase(Locale.ROOT))
          .filter((k, v) -> Mode.keep(v)).to(settings.output(), strings);
      case COUNT_CACHED, COUNT_UNCACHED -> {
        Materialized<String, Long, KeyValueStore<Bytes, byte[]>> store =
            Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("counts")
                .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long());
        if (settings.mode() == Mode.COUNT_UNCACHED) {
          store = store.withCachingDisabled();
        }
        input.groupByKey().count(store).toStream().to(settings.output(), counts);
      }
      case WINDOWED_COUNT -> input.groupByKey()
          .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofMinutes(1)))
          .count(Materialized.with(Serdes.String(), Serdes.Long())).toStream()
          .selectKey((w, c) -> w.key() + "@" + w.window().start())
          .to(settings.output(), counts);
      case STREAM_TABLE_JOIN -> {
        KTable<String, String> table = builder.table(settings.table(),
            Consumed.with(Serdes.String(), Serdes.String()));
        input.join(table, (value, profile) -> value + "|" + profile)
            .to(settings.output(), strings);
      }
      default -> throw new IllegalArgumentException("unknown mode " + settings.mode());
    }
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
    props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
        settings.exactlyOnce() ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.exactlyOnce() ? 100 : 1_000);
    props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    props.put(StreamsConfig.producerPrefix("linger.ms"), 100);
    CountDownLatch stopped = new CountDownLatch(1);
    try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
      streams.setStateListener((now, before) -> {
        if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
          stopped.countDown();
        }
      });
      streams.start();
      stopped.await();
    }
  }
}
