package io.sluice.it.apps;

import io.sluice.it.harness.ChildProtocol;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsUncaughtExceptionHandler;
import io.sluice.state.KeyValueStore;
import io.sluice.state.StateRestoreListener;
import io.sluice.state.Stores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Child-JVM main of the standby failover test: keeps the last value per key of {@code it.input}
 * in the logged store "latest", counts records processed ({@code processed}) and, through the
 * application's restore listener, changelog records restored into any local copy ({@code
 * restored-records}, standbys included). Speaks {@link ChildProtocol} like {@link ChildRunner}.
 */
public final class FailoverAppMain {
  static final String STORE = "latest";

  private FailoverAppMain() {}

  /** Stores every record under its key. */
  static final class Latest implements Processor<String, String, Void, Void> {
    private KeyValueStore<String, String> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> record) {
      store.put(record.key(), record.value());
      JvmCounters.add("processed", 1);
    }
  }

  /** @param args {@code args[0]}: the settings file ({@code it.input} names the input topic) */
  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      props.load(reader);
    }
    Topology topology = new Topology();
    topology.addSource("in", new StringDeserializer(), new StringDeserializer(),
        props.getProperty("it.input"));
    topology.addProcessor("latest", Latest::new, "in");
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
        Serdes.String(), Serdes.String()), "latest");
    Properties appProps = new Properties();
    props.stringPropertyNames().stream().filter(k -> !k.startsWith("it."))
        .forEach(k -> appProps.setProperty(k, props.getProperty(k)));
    StreamsApp app = new StreamsApp(topology, appProps);
    app.setStateListener((now, before) -> print(ChildProtocol.stateChange(now.name(),
        before.name())));
    app.setUncaughtExceptionHandler(e -> {
      print(ChildProtocol.error("uncaught: " + e));
      return StreamsUncaughtExceptionHandler.Response.SHUTDOWN_CLIENT;
    });
    app.setGlobalStateRestoreListener(new StateRestoreListener() {
      @Override
      public void onRestoreStart(TopicPartition tp, String store, long start, long end) {
        // counted per batch
      }

      @Override
      public void onBatchRestored(TopicPartition tp, String store, long end, long n) {
        JvmCounters.add("restored-records", n);
      }

      @Override
      public void onRestoreEnd(TopicPartition tp, String store, long total) {
        // counted per batch
      }
    });
    app.start();
    Map<String, Long> reported = new HashMap<>();
    ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "it-reporter");
      t.setDaemon(true);
      return t;
    });
    reporter.scheduleAtFixedRate(() -> report(reported), 0, 200, TimeUnit.MILLISECONDS);
    BufferedReader stdin =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = stdin.readLine()) != null) {
      if (line.trim().equals(ChildProtocol.CLOSE_COMMAND)) {
        boolean stopped = app.close(Duration.ofSeconds(60));
        reporter.shutdown();
        report(reported);
        print(ChildProtocol.PREFIX + "closed stopped=" + stopped);
        System.exit(stopped ? 0 : 1);
      }
    }
    Runtime.getRuntime().halt(3);
  }

  private static synchronized void report(Map<String, Long> last) {
    JvmCounters.snapshot().forEach((name, value) -> {
      if (!value.equals(last.get(name))) {
        print(ChildProtocol.counter(name, value));
        last.put(name, value);
      }
    });
  }

  private static void print(String line) {
    synchronized (System.out) {
      System.out.println(line);
      System.out.flush();
    }
  }
}
