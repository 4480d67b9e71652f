package io.sluice.state;

import org.apache.kafka.common.utils.Bytes;

/** Supplies session byte stores: keys and aggregates as serialized by the metered layer above. */
public interface SessionBytesStoreSupplier extends StoreSupplier<SessionStore<Bytes, byte[]>> {

  /** How long sessions are kept, in milliseconds of stream time after their end. */
  long retentionPeriod();

  /**
   * The time span of one storage segment in milliseconds; retention drops whole segments. Stores
   * that expire entry by entry report 1.
   */
  long segmentIntervalMs();
}
