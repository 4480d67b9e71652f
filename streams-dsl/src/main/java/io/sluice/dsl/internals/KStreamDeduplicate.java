package io.sluice.dsl.internals;

import io.sluice.dsl.Deduplicated;
import io.sluice.dsl.KeyValueMapper;
import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.ProcessorSupplier;
import io.sluice.processor.Record;
import io.sluice.processor.RecordMetadata;
import io.sluice.state.KeyValueStore;
import io.sluice.state.WindowStore;
import io.sluice.state.WindowStoreIterator;
import java.util.Optional;

/**
 * deduplicate: forwards the first record of each id and drops the later records of that id whose
 * timestamp is within the interval of the remembered one. A record whose source (topic, partition,
 * offset) is the remembered one's is the same record processed again after a failure and is
 * forwarded again. Records whose id is {@code null} are dropped with reason {@link
 * DropReason#NULL_KEY} (side output, metric, log).
 *
 * <p>With the key-value store, one entry per id is kept (its TTL is the interval); a record more
 * than the interval newer than the remembered one replaces it, an older one is forwarded and not
 * remembered. With the window store, every forwarded record is remembered under its timestamp and
 * the store's retention is the interval.
 */
final class KStreamDeduplicate<K, V, ID> implements ProcessorSupplier<K, V, K, V> {
  private final KeyValueMapper<? super K, ? super V, ? extends ID> idSelector;
  private final long intervalMs;
  private final String storeName;
  private final Deduplicated.StoreType storeType;
  private final DropSpec dropSpec;

  KStreamDeduplicate(KeyValueMapper<? super K, ? super V, ? extends ID> idSelector,
      long intervalMs, String storeName, Deduplicated.StoreType storeType, DropSpec dropSpec) {
    this.idSelector = idSelector;
    this.intervalMs = intervalMs;
    this.storeName = storeName;
    this.storeType = storeType;
    this.dropSpec = dropSpec;
  }

  @Override
  public Processor<K, V, K, V> get() {
    return new Dedup();
  }

  /** The remembered records of one task, in either kind of store. */
  private interface Seen<ID> {
    /**
     * @return a remembered record of {@code id} within the interval of {@code timestamp},
     *     preferring the one read from {@code source}
     */
    DedupEntry find(ID id, long timestamp, Optional<RecordMetadata> source);

    void remember(ID id, DedupEntry entry);
  }

  private final class Dedup implements Processor<K, V, K, V> {
    private final DropReporter drops = new DropReporter(dropSpec);
    private ProcessorContext<K, V> context;
    private Seen<ID> seen;

    @Override
    public void init(ProcessorContext<K, V> context) {
      this.context = context;
      drops.init(context);
      seen = storeType == Deduplicated.StoreType.WINDOW
          ? new InWindowStore(context.getStateStore(storeName))
          : new InKeyValueStore(context.getStateStore(storeName));
    }

    @Override
    public void process(Record<K, V> record) {
      ID id = idSelector.apply(record.key(), record.value());
      if (id == null) {
        drops.drop(record, DropReason.NULL_KEY);
        return;
      }
      Optional<RecordMetadata> source = context.recordMetadata();
      DedupEntry first = seen.find(id, record.timestamp(), source);
      if (first == null) {
        seen.remember(id, DedupEntry.of(record.timestamp(), source));
        context.forward(record);
      } else if (first.sameSource(source)) {
        context.forward(record);
      }
    }

    @Override
    public void close() {
      drops.close();
    }
  }

  private boolean within(long a, long b) {
    return Math.abs(a - b) <= intervalMs;
  }

  private final class InKeyValueStore implements Seen<ID> {
    private final KeyValueStore<ID, DedupEntry> store;

    InKeyValueStore(KeyValueStore<ID, DedupEntry> store) {
      this.store = store;
    }

    @Override
    public DedupEntry find(ID id, long timestamp, Optional<RecordMetadata> source) {
      DedupEntry entry = store.get(id);
      return entry != null && within(entry.timestamp(), timestamp) ? entry : null;
    }

    @Override
    public void remember(ID id, DedupEntry entry) {
      DedupEntry old = store.get(id);
      if (old == null || entry.timestamp() > old.timestamp()) {
        store.put(id, entry);
      }
    }
  }

  private final class InWindowStore implements Seen<ID> {
    private final WindowStore<ID, DedupEntry> store;

    InWindowStore(WindowStore<ID, DedupEntry> store) {
      this.store = store;
    }

    @Override
    public DedupEntry find(ID id, long timestamp, Optional<RecordMetadata> source) {
      DedupEntry found = null;
      long from = Math.max(0, timestamp - intervalMs);
      long to = timestamp > Long.MAX_VALUE - intervalMs ? Long.MAX_VALUE : timestamp + intervalMs;
      try (WindowStoreIterator<DedupEntry> it = store.fetch(id, from, to)) {
        while (it.hasNext()) {
          DedupEntry entry = it.next().value();
          if (entry.sameSource(source)) {
            return entry;
          }
          if (found == null) {
            found = entry;
          }
        }
      }
      return found;
    }

    @Override
    public void remember(ID id, DedupEntry entry) {
      store.put(id, entry, entry.timestamp());
    }
  }
}
