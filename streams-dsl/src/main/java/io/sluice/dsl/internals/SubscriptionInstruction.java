package io.sluice.dsl.internals;

import io.sluice.serdes.internals.FormatChecks;
import org.apache.kafka.common.errors.SerializationException;

/**
 * What a foreign-key subscription asks of the right-hand (foreign) side, written as one byte in
 * the subscription format. The codes are part of the wire format: never renumber them.
 */
enum SubscriptionInstruction {
  /** Forget the subscription; send nothing back (the left row moved to another foreign key). */
  DELETE_KEY_NO_PROPAGATE((byte) 0),
  /** Forget the subscription and answer with no foreign value (the left row was deleted). */
  DELETE_KEY_AND_PROPAGATE((byte) 1),
  /** Remember the subscription and answer with the foreign value, even when there is none. */
  PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE((byte) 2),
  /** Remember the subscription and answer only when a foreign value exists. */
  PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE((byte) 3);

  private final byte code;

  SubscriptionInstruction(byte code) {
    this.code = code;
  }

  /** @return the byte this instruction is written as */
  byte code() {
    return code;
  }

  /** @return whether the right side keeps the subscription after this instruction */
  boolean subscribes() {
    return this == PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE
        || this == PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE;
  }

  /**
   * @param code a byte read from a subscription
   * @param topic the topic read from, for the message; may be null
   * @return the instruction written as {@code code}
   * @throws SerializationException if no instruction has that code
   */
  static SubscriptionInstruction ofCode(byte code, String topic) {
    for (SubscriptionInstruction instruction : values()) {
      if (instruction.code == code) {
        return instruction;
      }
    }
    throw new SerializationException("Cannot read foreign-key subscription"
        + FormatChecks.where(topic) + ": unknown instruction code "
        + code + "; valid codes are 0 to " + (values().length - 1));
  }
}
