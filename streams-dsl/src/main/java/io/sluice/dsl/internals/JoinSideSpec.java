package io.sluice.dsl.internals;

import io.sluice.dsl.JoinWindows;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.TopologyException;
import io.sluice.state.KeyValueStore;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;

/**
 * One side's view of a stream-stream join: the windows seen from this side (the right side swaps
 * before and after), the other side's buffer, the shared outer-join buffer ({@code null} for an
 * inner join), whether this side is outer, and the serdes for the outer-join buffer ({@code null}:
 * the application's defaults).
 *
 * @param otherStoreName the other side's window store
 * @param otherRetention the other side's buffer retention
 * @param outerStoreName the shared outer-join buffer, or {@code null}
 * @param windows the join's windows as declared (left-side view)
 * @param thisIsLeft whether this is the left (this) stream's side
 * @param outer whether this side's records without a match are joined with {@code null}
 * @param keySerde the key serde, or {@code null}
 * @param thisSerde this side's value serde, or {@code null}
 * @param otherSerde the other side's value serde, or {@code null}
 * @param <K> key type
 * @param <VThis> this side's value type
 * @param <VOther> the other side's value type
 */
record JoinSideSpec<K, VThis, VOther>(String otherStoreName, JoinBufferRetention otherRetention,
    String outerStoreName,
    JoinWindows windows, boolean thisIsLeft, boolean outer, Serde<K> keySerde,
    Serde<VThis> thisSerde, Serde<VOther> otherSerde) {

  /** @return how far before a record of this side matches reach */
  long joinBeforeMs() {
    return thisIsLeft ? windows.beforeMs() : windows.afterMs();
  }

  /** @return how far after a record of this side matches reach */
  long joinAfterMs() {
    return thisIsLeft ? windows.afterMs() : windows.beforeMs();
  }

  /** @return the declared {@code before}, whatever the side */
  long windowsBeforeMs() {
    return windows.beforeMs();
  }

  /** @return the declared {@code after}, whatever the side */
  long windowsAfterMs() {
    return windows.afterMs();
  }

  /** @return the grace period */
  long graceMs() {
    return windows.gracePeriodMs();
  }

  /**
   * @param store the shared outer-join byte store
   * @param context the processor's context, for the default serdes
   * @return this side's view of the buffer
   * @throws TopologyException if a serde is neither given nor configured as a default
   */
  OuterJoinBuffer<K, VThis, VOther> buffer(KeyValueStore<Bytes, byte[]> store,
      ProcessorContext<?, ?> context) {
    String name = store.name();
    return new OuterJoinBuffer<>(store,
        orDefault(keySerde, context.keySerde(), name, "key", "StreamJoined.withKeySerde",
            "default.key.serde"),
        orDefault(thisSerde, context.valueSerde(), name, thisIsLeft ? "left value" : "right value",
            thisIsLeft ? "StreamJoined.withValueSerde" : "StreamJoined.withOtherValueSerde",
            "default.value.serde"),
        orDefault(otherSerde, context.valueSerde(), name,
            thisIsLeft ? "right value" : "left value",
            thisIsLeft ? "StreamJoined.withOtherValueSerde" : "StreamJoined.withValueSerde",
            "default.value.serde"),
        thisIsLeft);
  }

  // The default serdes are configured for the application's (unknown) types; like Kafka Streams,
  // Sluice trusts the user to configure defaults that fit the streams that rely on them.
  @SuppressWarnings("unchecked")
  private static <T> Serde<T> orDefault(Serde<T> explicit, Serde<?> fallback, String store,
      String what, String option, String setting) {
    if (explicit != null) {
      return explicit;
    }
    if (fallback == null) {
      throw new TopologyException("Outer-join buffer '" + store + "' needs a " + what
          + " serde: none was given or inherited from the stream and " + setting + " is not set;"
          + " pass it with " + option + " or set " + setting);
    }
    return (Serde<T>) fallback;
  }
}
