package io.sluice.bench.e2e;

import io.sluice.dsl.Consumed;
import io.sluice.dsl.KStream;
import io.sluice.dsl.KTable;
import io.sluice.dsl.Materialized;
import io.sluice.dsl.Produced;
import io.sluice.dsl.StreamsBuilder;
import io.sluice.dsl.TimeWindows;
import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsConfig;
import io.sluice.state.KeyValueStore;
import io.sluice.state.WindowStore;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;

/** Sluice running the benchmark's topologies, written as for {@link KafkaStreamsSut}. */
final class SluiceSut {
  private SluiceSut() {}

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
          .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>with(Serdes.String(),
              Serdes.Long())).toStream()
          .selectKey((w, c) -> w.key() + "@" + w.window().startMs())
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
    props.put(StreamsConfig.APPLICATION_ID, settings.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS, settings.bootstrap());
    props.put(StreamsConfig.STATE_DIR, settings.stateDir());
    props.put(StreamsConfig.PROCESSING_GUARANTEE,
        settings.exactlyOnce() ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS, settings.exactlyOnce() ? 100 : 1_000);
    props.put(StreamsConfig.CONSUMER_PREFIX + "auto.offset.reset", "earliest");
    props.put(StreamsConfig.PRODUCER_PREFIX + "linger.ms", 100);
    // Extra settings for tuning experiments: -Dsluice.bench.props=name=value,name=value
    for (String pair : System.getProperty("sluice.bench.props", "").split(",")) {
      if (pair.contains("=")) {
        props.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (StreamsApp app = new StreamsApp(builder.build(props), props)) {
      app.setStateListener((now, before) -> {
        if (now == StreamsApp.State.ERROR || now == StreamsApp.State.NOT_RUNNING) {
          stopped.countDown();
        }
      });
      app.start();
      stopped.await();
    }
  }
}
