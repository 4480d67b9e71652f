package io.sluice.runtime.internals;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes repartition records a thread has consumed and committed, at most every {@code
 * repartition.purge.interval.ms}: repartition topics keep records forever ({@code
 * retention.ms=-1}) so none is lost before it is processed, and this is what removes them. The
 * deletion runs asynchronously; a failure is logged and retried with the next purge.
 */
final class RepartitionPurger {
  private static final Logger LOG = LoggerFactory.getLogger(RepartitionPurger.class);

  private final Admin admin;
  private final Set<String> topics;
  private final long intervalMs;
  private final Map<TopicPartition, Long> pending = new HashMap<>();
  private long lastPurgeMs;

  RepartitionPurger(Admin admin, Set<String> topics, long intervalMs, long nowMs) {
    this.admin = admin;
    this.topics = Set.copyOf(topics);
    this.intervalMs = intervalMs;
    this.lastPurgeMs = nowMs;
  }

  /** Notes committed offsets; those of repartition topics become purgeable. */
  void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach((tp, offset) -> {
      if (topics.contains(tp.topic())) {
        pending.merge(tp, offset.offset(), Math::max);
      }
    });
  }

  /** Deletes the records before the committed offsets if the interval has passed. */
  void maybePurge(long nowMs) {
    if (pending.isEmpty() || nowMs - lastPurgeMs < intervalMs) {
      return;
    }
    lastPurgeMs = nowMs;
    Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
    pending.forEach((tp, offset) -> deletions.put(tp, RecordsToDelete.beforeOffset(offset)));
    pending.clear();
    admin.deleteRecords(deletions).all().whenComplete((ignored, error) -> {
      if (error != null) {
        LOG.warn("Purging consumed repartition records {} failed; the next purge retries",
            deletions.keySet(), error);
      }
    });
  }
}
