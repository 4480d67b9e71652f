package io.sluice.bench.e2e;

/** The workloads of the end-to-end benchmark; every system under test runs the same topology. */
public enum Mode {
  /** Copies every record unchanged. */
  PASS_THROUGH(false),
  /** Upper-cases values and keeps about half of them (by the value's last digit). */
  MAP_FILTER(false),
  /** Counts per key in a RocksDB store with the record cache on. */
  COUNT_CACHED(true),
  /** Counts per key in a RocksDB store with the record cache off. */
  COUNT_UNCACHED(true),
  /** Counts per key in 1-minute tumbling windows (RocksDB, cache on). */
  WINDOWED_COUNT(true),
  /** Joins each record with a table of every key's profile, read from a second topic. */
  STREAM_TABLE_JOIN(true);

  private final boolean stateful;

  Mode(boolean stateful) {
    this.stateful = stateful;
  }

  /** @return whether the workload keeps state, so the plain client loop cannot run it */
  public boolean stateful() {
    return stateful;
  }

  /** @return whether {@code value} passes {@link #MAP_FILTER}'s filter */
  static boolean keep(String value) {
    char last = value.charAt(value.length() - 1);
    return (last - '0') % 2 == 0;
  }
}
