package io.sluice.it.apps;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import io.sluice.processor.Topology;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The topology of the crash tests, written with the Processor API (the DSL had no aggregations,
 * windows or deduplication when it was written). Input: key = a key name, value = {@code
 * "<sequence>:<dedup id>"}. Four branches, each with its own output topic:
 * <ul>
 *   <li>copy: every input record unchanged;
 *   <li>counts: per key the running count (RocksDB store {@value #COUNTS}, no cache), as text;
 *   <li>windows: per key and tumbling window ({@code it.window.ms}) the count, emitted once when
 *       the task's stream time reaches the window end (store {@value #WINDOWS}), key {@code
 *       "<key>@<window start>"};
 *   <li>dedup: the dedup id of the first record carrying it (store {@value #SEEN}).
 * </ul>
 * Counters for the test: {@value #PROCESSED} (records through the copy branch in this JVM) and
 * {@value #STATE_AT_INIT} (count-store entries found when a task's processors start, that is
 * state restored from the changelog or kept locally).
 */
public final class CrashTopology {
  /** Count store name. */
  public static final String COUNTS = "counts";
  /** Open-window store name. */
  public static final String WINDOWS = "open-windows";
  /** Seen-id store name. */
  public static final String SEEN = "seen-ids";
  /** Counter of records processed in this JVM. */
  public static final String PROCESSED = "processed";
  /** Counter of count-store entries found at task start in this JVM. */
  public static final String STATE_AT_INIT = "state-at-init";

  private CrashTopology() {}

  /** The topology for the {@code it.*} topic names and window size in {@code props}. */
  public static Topology build(Properties props) {
    long windowMs = Long.parseLong(props.getProperty("it.window.ms", "10000"));
    StringSerializer ser = new StringSerializer();
    return new Topology()
        .addSource("in", new StringDeserializer(), new StringDeserializer(),
            props.getProperty("it.input"))
        .addProcessor("copy", Copy::new, "in")
        .addProcessor("count", Count::new, "in")
        .addProcessor("window", () -> new WindowCount(windowMs), "in")
        .addProcessor("dedup", Dedup::new, "in")
        .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTS),
            Serdes.String(), Serdes.Long()).withCachingDisabled(), "count")
        .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WINDOWS),
            Serdes.String(), Serdes.Long()).withCachingDisabled(), "window")
        .addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEEN),
            Serdes.String(), Serdes.Long()).withCachingDisabled(), "dedup")
        .addSink("copy-out", props.getProperty("it.copy"), ser, ser, "copy")
        .addSink("count-out", props.getProperty("it.counts"), ser, ser, "count")
        .addSink("window-out", props.getProperty("it.windows"), ser, ser, "window")
        .addSink("dedup-out", props.getProperty("it.dedup"), ser, ser, "dedup");
  }

  /** The dedup id of an input value {@code "<sequence>:<dedup id>"}. */
  public static String dedupId(String value) {
    return value.substring(value.indexOf(':') + 1);
  }

  /** The key under which a window's final count is emitted. */
  public static String windowKey(String key, long windowStart) {
    return key + "@" + windowStart;
  }

  private static final class Copy implements Processor<String, String, String, String> {
    private ProcessorContext<String, String> context;

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, String> record) {
      context.forward(record);
      JvmCounters.add(PROCESSED, 1);
    }
  }

  private static final class Count implements Processor<String, String, String, String> {
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, Long> store;

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
      this.store = context.getStateStore(COUNTS);
      long entries = 0;
      try (KeyValueIterator<String, Long> all = store.all()) {
        while (all.hasNext()) {
          all.next();
          entries++;
        }
      }
      JvmCounters.add(STATE_AT_INIT, entries);
    }

    @Override
    public void process(Record<String, String> record) {
      Long old = store.get(record.key());
      long count = old == null ? 1 : old + 1;
      store.put(record.key(), count);
      context.forward(record.withValue(Long.toString(count)));
    }
  }

  /** Tumbling-window counts emitted once on window close (no grace). */
  private static final class WindowCount implements Processor<String, String, String, String> {
    private final long windowMs;
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, Long> store;
    private long streamTime = Long.MIN_VALUE;

    WindowCount(long windowMs) {
      this.windowMs = windowMs;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
      this.store = context.getStateStore(WINDOWS);
    }

    /** Store key: zero-padded window start, so that ranges run in window order. */
    private static String storeKey(long windowStart, String key) {
      return String.format("%013d|%s", windowStart, key);
    }

    @Override
    public void process(Record<String, String> record) {
      streamTime = Math.max(streamTime, Math.max(record.timestamp(),
          context.currentStreamTimeMs()));
      long start = record.timestamp() - Math.floorMod(record.timestamp(), windowMs);
      if (start + windowMs > streamTime) {
        String k = storeKey(start, record.key());
        Long old = store.get(k);
        store.put(k, old == null ? 1 : old + 1);
      }
      emitClosed(record);
    }

    private void emitClosed(Record<String, String> trigger) {
      long lastClosedStart = streamTime - windowMs;
      if (lastClosedStart < 0) {
        return;
      }
      List<KeyValue<String, Long>> closed = new ArrayList<>();
      try (KeyValueIterator<String, Long> it =
          store.range(storeKey(0, ""), storeKey(lastClosedStart, "\uffff"))) {
        it.forEachRemaining(closed::add);
      }
      for (KeyValue<String, Long> kv : closed) {
        int bar = kv.key().indexOf('|');
        long start = Long.parseLong(kv.key().substring(0, bar));
        String key = kv.key().substring(bar + 1);
        store.delete(kv.key());
        context.forward(new Record<>(windowKey(key, start), Long.toString(kv.value()),
            start + windowMs - 1, trigger.headers()));
      }
    }
  }

  private static final class Dedup implements Processor<String, String, String, String> {
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, Long> store;

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
      this.store = context.getStateStore(SEEN);
    }

    @Override
    public void process(Record<String, String> record) {
      String id = dedupId(record.value());
      if (store.get(id) == null) {
        store.put(id, record.timestamp());
        context.forward(record.withValue(id));
      }
    }
  }
}
