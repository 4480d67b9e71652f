package io.sluice.state;

import org.apache.kafka.common.TopicPartition;

/**
 * Observes restoration progress of state stores from their changelogs. Called on the restoring
 * thread; implementations must be quick and must not throw.
 */
public interface StateRestoreListener {

  /**
   * Restoration of one store partition begins.
   *
   * @param changelog the changelog partition being read
   * @param storeName the store being restored
   * @param startOffset the first offset to read (inclusive)
   * @param endOffset the offset at which restoration ends (exclusive)
   */
  void onRestoreStart(TopicPartition changelog, String storeName, long startOffset, long endOffset);

  /**
   * One batch was written to the store.
   *
   * @param batchEndOffset the offset of the last record of the batch
   * @param numRestored records in this batch
   */
  void onBatchRestored(
      TopicPartition changelog, String storeName, long batchEndOffset, long numRestored);

  /**
   * Restoration of one store partition finished.
   *
   * @param totalRestored records restored for this store partition in this restoration
   */
  void onRestoreEnd(TopicPartition changelog, String storeName, long totalRestored);

  /** A listener that ignores every event. */
  StateRestoreListener NO_OP =
      new StateRestoreListener() {
        @Override
        public void onRestoreStart(TopicPartition tp, String store, long start, long end) {}

        @Override
        public void onBatchRestored(TopicPartition tp, String store, long end, long n) {}

        @Override
        public void onRestoreEnd(TopicPartition tp, String store, long total) {}
      };
}
