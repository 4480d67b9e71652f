package io.sluice.state;

import org.apache.kafka.common.utils.Bytes;

/** Supplies window byte stores: keys and values as serialized by the metered layer above. */
public interface WindowBytesStoreSupplier extends StoreSupplier<WindowStore<Bytes, byte[]>> {

  /** How long windows are kept, in milliseconds of stream time after their start. */
  long retentionPeriod();

  /** The size of the windows stored, in milliseconds. */
  long windowSize();

  /** Whether every put is kept, even several for one key and window (stream-stream joins). */
  boolean retainDuplicates();

  /**
   * The time span of one storage segment in milliseconds; retention drops whole segments. Stores
   * that expire entry by entry report 1.
   */
  long segmentIntervalMs();
}
