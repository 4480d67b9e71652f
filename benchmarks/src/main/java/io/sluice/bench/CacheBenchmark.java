package io.sluice.bench;

import io.sluice.state.KeyValueStore;
import io.sluice.state.StoreBuilder;
import io.sluice.state.Stores;
import io.sluice.state.internals.RocksDBKeyValueBytesStoreSupplier;
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
import org.openjdk.jmh.annotations.AuxCounters;
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

/**
 * The record cache's effect on writes: puts through the full key-value layer stack (metered with
 * byte-array serdes → caching → change-logging into a no-op changelog → RocksDB) with caching on
 * (a {@value #CACHE_BYTES}-byte thread cache, the {@code statestore.cache.max.bytes} default) or
 * off, and a store flush every {@code flushEvery} puts, as a commit does.
 *
 * <p>Keys: 100,000 8-byte keys, preloaded with 100-byte values, written in a Zipf order (exponent
 * 1, ranks shuffled over the key space), so the hottest 20% of keys take about 87% of the puts —
 * updates of hot keys between flushes collapse in the cache. The time per put includes its share
 * of the flushes.
 *
 * <p>Besides the time per put, the {@link Writes} counters report the puts and the changelog
 * records they caused per iteration; their quotient is what the cache saves the producer and the
 * brokers, which this benchmark leaves out.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CacheBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CacheBenchmark {

  private static final int KEYS = 100_000;
  private static final int SAMPLES = 1 << 20;
  private static final long CACHE_BYTES = 10L * 1024 * 1024;

  /** Whether the caching layer is in the stack. */
  @Param({"false", "true"})
  public boolean caching;

  /** Puts between two store flushes. */
  @Param({"1000"})
  public int flushEvery;

  private Path dir;
  private NoOpStoreContext context;
  private KeyValueStore<byte[], byte[]> store;
  private final byte[][] keys = new byte[KEYS][];
  private final int[] order = new int[SAMPLES];
  private final byte[] value = new byte[100];
  private int next;
  private int sinceFlush;

  /** Per-iteration counts of puts and of changelog records, reported beside the time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Writes {
    /** Puts in this iteration. */
    public long puts;

    /** Changelog records written by the flushes of this iteration. */
    public long changelogRecords;

    /** Starts each iteration from zero. */
    @Setup(Level.Iteration)
    public void reset() {
      puts = 0;
      changelogRecords = 0;
    }
  }

  /** Opens the stack in a fresh directory, loads every key and flushes. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("sluice-cache-bench");
    Random random = new Random(42);
    random.nextBytes(value);
    for (int i = 0; i < KEYS; i++) {
      keys[i] = ByteBuffer.allocate(Long.BYTES).putLong(i).array();
    }
    fillZipfOrder(random);
    context = new NoOpStoreContext(dir.toFile(), caching ? CACHE_BYTES : 0L);
    StoreBuilder<KeyValueStore<byte[], byte[]>> builder =
        Stores.keyValueStoreBuilder(
                new RocksDBKeyValueBytesStoreSupplier("bench"),
                Serdes.ByteArray(),
                Serdes.ByteArray())
            .withLoggingEnabled(Map.of());
    store = (caching ? builder.withCachingEnabled() : builder.withCachingDisabled()).build();
    store.init(context, store);
    for (byte[] key : keys) {
      store.put(key, value);
    }
    store.flush();
    context.takeChangelogRecords();
  }

  /** Draws {@link #SAMPLES} key indexes: rank r has weight 1/r, ranks mapped to shuffled keys. */
  private void fillZipfOrder(Random random) {
    double[] cdf = new double[KEYS];
    double sum = 0;
    for (int rank = 0; rank < KEYS; rank++) {
      sum += 1.0 / (rank + 1);
      cdf[rank] = sum;
    }
    int[] keyOfRank = new int[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keyOfRank[i] = i;
    }
    for (int i = KEYS - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = keyOfRank[i];
      keyOfRank[i] = keyOfRank[j];
      keyOfRank[j] = swap;
    }
    for (int i = 0; i < SAMPLES; i++) {
      int rank = java.util.Arrays.binarySearch(cdf, random.nextDouble() * sum);
      order[i] = keyOfRank[Math.min(rank < 0 ? -rank - 1 : rank, KEYS - 1)];
    }
  }

  /** Closes the stack and deletes its files. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    store.close();
    context.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Overwrites the next key of the skewed sequence; every {@code flushEvery}th put flushes. */
  @Benchmark
  public void put(Writes writes) {
    store.put(keys[order[next++ & (SAMPLES - 1)]], value);
    writes.puts++;
    if (++sinceFlush == flushEvery) {
      sinceFlush = 0;
      store.flush();
      writes.changelogRecords += context.takeChangelogRecords();
    }
  }
}
