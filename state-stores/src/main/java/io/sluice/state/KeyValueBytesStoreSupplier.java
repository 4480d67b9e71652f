package io.sluice.state;

import org.apache.kafka.common.utils.Bytes;

/** Supplies key-value byte stores: keys and values as serialized by the metered layer above. */
public interface KeyValueBytesStoreSupplier extends StoreSupplier<KeyValueStore<Bytes, byte[]>> {}
