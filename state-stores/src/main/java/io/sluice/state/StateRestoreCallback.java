package io.sluice.state;

import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Applies changelog records to a store's bytes during restoration (and on standbys). Records
 * arrive in batches, in offset order; a record with a {@code null} value deletes its key.
 */
@FunctionalInterface
public interface StateRestoreCallback {

  /**
   * Writes one batch of changelog records to the store, ideally in one write batch.
   *
   * @param records raw changelog records, key and value as the changelogging layer wrote them
   */
  void restoreBatch(Collection<ConsumerRecord<byte[], byte[]>> records);
}
