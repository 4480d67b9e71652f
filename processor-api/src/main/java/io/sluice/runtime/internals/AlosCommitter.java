package io.sluice.runtime.internals;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At-least-once commits: flush caches, flush the producer (every output and changelog record is
 * acknowledged), {@code commitSync} the input offsets, then checkpoint. A crash between the flush
 * and the offset commit reprocesses records: duplicates, never loss.
 */
final class AlosCommitter implements Committer {
  private static final Logger LOG = LoggerFactory.getLogger(AlosCommitter.class);
  private final Producer<byte[], byte[]> producer;
  private final Consumer<byte[], byte[]> consumer;

  AlosCommitter(Producer<byte[], byte[]> producer, Consumer<byte[], byte[]> consumer) {
    this.producer = producer;
    this.consumer = consumer;
  }

  @Override
  public void send(ProducerRecord<byte[], byte[]> record, Callback callback) {
    producer.send(record, callback);
  }

  @Override
  public int partitionCount(String topic) {
    return producer.partitionsFor(topic).size();
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public Map<TopicPartition, OffsetAndMetadata> commit(Collection<StreamTask> tasks) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    try {
      // Every task's caches first, then one wait for the shared producer's acknowledgements
      // (flushing task by task waited once per task; the later flushes find nothing pending).
      for (StreamTask task : tasks) {
        offsets.putAll(task.prepareCommitUnflushed());
      }
      for (StreamTask task : tasks) {
        task.flushOutput();
      }
      if (!offsets.isEmpty()) {
        consumer.commitSync(offsets);
      }
    } catch (RebalanceInProgressException e) {
      // The output is flushed; its input offsets are committed after the rebalance.
      LOG.debug("Offsets {} not committed: a rebalance is in progress", offsets);
      return Map.of();
    } catch (KafkaException e) {
      throw TaskMigratedException.translate("Committing offsets " + offsets, e);
    }
    tasks.forEach(task -> task.postCommit(false));
    return offsets;
  }

  @Override
  public boolean commitsWholeThread() {
    return false;
  }

  @Override
  public void abortAfterFailure() {
    // Nothing is open: records already sent stay sent, and their input is processed again.
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
