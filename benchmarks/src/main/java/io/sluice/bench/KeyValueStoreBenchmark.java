package io.sluice.bench;

import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.KeyValueStore;
import io.sluice.state.Stores;
import io.sluice.state.internals.RocksDBBenchmarkAccess;
import io.sluice.state.internals.RocksDBKeyValueBytesStoreSupplier;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * Put, get and a 100-entry range scan over 100,000 preloaded keys (8-byte keys, 100-byte values,
 * uniformly random access), on three targets with identical RocksDB options:
 *
 * <ul>
 *   <li>{@code raw}: RocksDB's Java API directly — the baseline;
 *   <li>{@code store}: Sluice's RocksDB key-value byte store;
 *   <li>{@code layers}: the full store a builder makes — metered (byte-array serdes, metrics) and
 *       change-logging into a context whose changelog is a no-op — with caching off.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KeyValueStoreBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KeyValueStoreBenchmark {

  private static final int KEYS = 100_000;
  private static final int RANGE = 100;
  private static final int MASK = (1 << 16) - 1;

  /** Which target runs the operations. */
  @Param({"raw", "store", "layers"})
  public String target;

  private Path dir;
  private Ops ops;
  private final byte[][] keys = new byte[KEYS][];
  private final int[] order = new int[MASK + 1];
  private final byte[] value = new byte[100];
  private int next;

  /** The operations on one target. */
  private interface Ops {
    void put(byte[] key, byte[] value);

    byte[] get(byte[] key);

    /** Reads {@code count} entries from {@code from} on. */
    void range(byte[] from, byte[] to, Blackhole bh);

    void close();
  }

  /** Opens the target in a fresh directory and loads every key. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("sluice-bench");
    Random random = new Random(42);
    random.nextBytes(value);
    for (int i = 0; i < KEYS; i++) {
      keys[i] = ByteBuffer.allocate(Long.BYTES).putLong(i).array();
    }
    for (int i = 0; i < order.length; i++) {
      order[i] = random.nextInt(KEYS - RANGE);
    }
    ops =
        switch (target) {
          case "raw" -> new Raw(dir.toFile());
          case "store" -> new Store(dir.toFile(), false);
          case "layers" -> new Store(dir.toFile(), true);
          default ->
              throw new IllegalArgumentException(
                  "target must be raw, store or layers but was " + target);
        };
    for (byte[] key : keys) {
      ops.put(key, value);
    }
  }

  /** Closes the target and deletes its files. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    ops.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private int nextIndex() {
    return order[next++ & MASK];
  }

  /** Overwrites one random existing key. */
  @Benchmark
  public void put() {
    ops.put(keys[nextIndex()], value);
  }

  /** Reads one random existing key. */
  @Benchmark
  public byte[] get() {
    return ops.get(keys[nextIndex()]);
  }

  /** Reads the 100 entries from one random key on. */
  @Benchmark
  public void range(Blackhole bh) {
    int i = nextIndex();
    ops.range(keys[i], keys[i + RANGE - 1], bh);
  }

  /** RocksDB directly, with the stores' options. */
  private static final class Raw implements Ops {
    private final RocksDBBenchmarkAccess access = new RocksDBBenchmarkAccess(Map.of());
    private final WriteOptions writeOptions = RocksDBBenchmarkAccess.writeOptions();
    private final RocksDB db;

    Raw(File dir) {
      try {
        db = RocksDB.open(access.options(), new File(dir, "raw").getAbsolutePath());
      } catch (RocksDBException e) {
        throw new IllegalStateException("cannot open RocksDB in " + dir, e);
      }
    }

    @Override
    public void put(byte[] key, byte[] value) {
      try {
        db.put(writeOptions, key, value);
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public byte[] get(byte[] key) {
      try {
        return db.get(key);
      } catch (RocksDBException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void range(byte[] from, byte[] to, Blackhole bh) {
      try (RocksIterator it = db.newIterator()) {
        for (it.seek(from); it.isValid(); it.next()) {
          byte[] key = it.key();
          if (java.util.Arrays.compareUnsigned(key, to) > 0) {
            break;
          }
          bh.consume(key);
          bh.consume(it.value());
        }
      }
    }

    @Override
    public void close() {
      db.close();
      writeOptions.close();
      access.close();
    }
  }

  /** The byte store alone, or the full layer stack around it (keys and values as byte arrays). */
  private static final class Store implements Ops {
    private final NoOpStoreContext context;
    private final KeyValueStore<Bytes, byte[]> bytes;
    private final KeyValueStore<byte[], byte[]> layered;

    Store(File dir, boolean layers) {
      context = new NoOpStoreContext(dir);
      RocksDBKeyValueBytesStoreSupplier supplier = new RocksDBKeyValueBytesStoreSupplier("bench");
      if (layers) {
        bytes = null;
        layered =
            Stores.keyValueStoreBuilder(supplier, Serdes.ByteArray(), Serdes.ByteArray())
                .withLoggingEnabled(Map.of())
                .build();
        layered.init(context, layered);
      } else {
        layered = null;
        bytes = supplier.get();
        bytes.init(context, bytes);
      }
    }

    @Override
    public void put(byte[] key, byte[] value) {
      if (layered != null) {
        layered.put(key, value);
      } else {
        bytes.put(Bytes.wrap(key), value);
      }
    }

    @Override
    public byte[] get(byte[] key) {
      return layered != null ? layered.get(key) : bytes.get(Bytes.wrap(key));
    }

    @Override
    public void range(byte[] from, byte[] to, Blackhole bh) {
      if (layered != null) {
        try (KeyValueIterator<byte[], byte[]> it = layered.range(from, to)) {
          while (it.hasNext()) {
            KeyValue<byte[], byte[]> kv = it.next();
            bh.consume(kv.key());
            bh.consume(kv.value());
          }
        }
      } else {
        try (KeyValueIterator<Bytes, byte[]> it = bytes.range(Bytes.wrap(from), Bytes.wrap(to))) {
          while (it.hasNext()) {
            KeyValue<Bytes, byte[]> kv = it.next();
            bh.consume(kv.key());
            bh.consume(kv.value());
          }
        }
      }
    }

    @Override
    public void close() {
      if (layered != null) {
        layered.close();
      } else {
        bytes.close();
      }
      context.close();
    }
  }
}
