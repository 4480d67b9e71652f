package io.sluice.runtime.internals;

import io.sluice.processor.TopologyException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Falls back to the configured default serdes where a node was given none. */
final class DefaultSerdes {
  private DefaultSerdes() {}

  /**
   * The default serde's serializer. The default serde's type is only known at run time, so the
   * node's types are the user's promise that it fits.
   */
  @SuppressWarnings("unchecked") // see the method comment
  static <T> Serializer<T> serializer(Serde<?> serde, String what, String node) {
    return (Serializer<T>) require(serde, what, node).serializer();
  }

  /** The default serde's deserializer, or the node's own one if given. */
  static Deserializer<?> deserializer(Deserializer<?> own, Serde<?> serde, String what,
      String node) {
    return own != null ? own : require(serde, what, node).deserializer();
  }

  private static Serde<?> require(Serde<?> serde, String what, String node) {
    if (serde == null) {
      throw new TopologyException("Node '" + node + "' has no " + what + " serde and default."
          + what + ".serde is not set; pass one to the node or set default." + what + ".serde");
    }
    return serde;
  }
}
