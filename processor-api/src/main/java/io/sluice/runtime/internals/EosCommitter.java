package io.sluice.runtime.internals;

import io.sluice.runtime.StreamsException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once commits ({@code exactly_once_v2}): the thread has one transactional producer; the
 * first send after a commit begins a transaction, and a commit flushes the caches of every task
 * of the thread (their forwarded and logged records join the transaction), adds the input offsets
 * with the consumer's group metadata ({@code sendOffsetsToTransaction}), and commits the
 * transaction. Output, changelog, repartition and dead-letter records and the offsets become
 * visible together, or not at all. No store flush to disk and no checkpoint here: local state may
 * hold writes of a transaction that later aborts; tasks checkpoint only on a clean close.
 *
 * <p>A fenced producer (a newer instance with the same transactional id, or a transaction that
 * timed out) cannot be used again: {@link #abortAfterFailure} replaces it.
 */
final class EosCommitter implements Committer {
  private static final Logger LOG = LoggerFactory.getLogger(EosCommitter.class);

  private final Supplier<Producer<byte[], byte[]>> producers;
  private final Consumer<byte[], byte[]> consumer;
  private Producer<byte[], byte[]> producer;
  private boolean inTransaction;
  /** Set when the producer reported a fence or epoch error: it must be replaced. */
  private boolean poisoned;

  /**
   * @param producers creates a transactional producer (called again after a fence)
   * @throws TaskMigratedException if {@code initTransactions} is fenced
   */
  EosCommitter(Supplier<Producer<byte[], byte[]>> producers, Consumer<byte[], byte[]> consumer) {
    this.producers = producers;
    this.consumer = consumer;
    this.producer = newProducer();
  }

  private Producer<byte[], byte[]> newProducer() {
    Producer<byte[], byte[]> created = producers.get();
    try {
      created.initTransactions();
    } catch (KafkaException e) {
      created.close(Duration.ZERO);
      throw TaskMigratedException.translate("Initialising the transactional producer", e);
    }
    return created;
  }

  @Override
  public void send(ProducerRecord<byte[], byte[]> record, Callback callback) {
    try {
      if (!inTransaction) {
        producer.beginTransaction();
        inTransaction = true;
      }
      producer.send(record, callback);
    } catch (KafkaException e) {
      throw poison(TaskMigratedException.translate("Sending to " + record.topic(), e));
    }
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
      if (offsets.isEmpty() && !inTransaction) {
        return offsets;
      }
      if (!inTransaction) {
        producer.beginTransaction();
        inTransaction = true;
      }
      if (!offsets.isEmpty()) {
        producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
      }
      producer.commitTransaction();
      inTransaction = false;
    } catch (TaskMigratedException e) {
      throw poison(e);
    } catch (KafkaException e) {
      RuntimeException translated =
          TaskMigratedException.translate("Committing the transaction", e);
      if (translated instanceof TaskMigratedException) {
        throw poison(translated);
      }
      throw new StreamsException("Committing the transaction of offsets " + offsets
          + " failed: " + e, e);
    }
    tasks.forEach(task -> task.postCommit(false));
    return offsets;
  }

  @Override
  public boolean commitsWholeThread() {
    return true;
  }

  private RuntimeException poison(RuntimeException error) {
    if (error instanceof TaskMigratedException) {
      poisoned = true;
    }
    return error;
  }

  @Override
  public void abortAfterFailure() {
    boolean replace = poisoned;
    if (inTransaction && !replace) {
      try {
        producer.abortTransaction();
      } catch (KafkaException e) {
        LOG.info("Aborting the transaction failed ({}); replacing the producer", e.toString());
        replace = true;
      }
    }
    inTransaction = false;
    if (replace) {
      poisoned = false;
      producer.close(Duration.ZERO);
      producer = newProducer();
    }
  }

  @Override
  public void close() {
    if (inTransaction) {
      try {
        producer.abortTransaction();
      } catch (KafkaException e) {
        LOG.debug("Aborting the open transaction on close failed", e);
      }
    }
    producer.close(Duration.ofSeconds(5));
  }
}
