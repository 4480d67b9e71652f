package io.sluice.runtime.internals.assignment;

/**
 * A problem the group leader found while assigning that no member can fix by retrying (a missing
 * source topic, co-partitioned topics of different sizes, an internal topic that cannot be used).
 * The leader sends {@link #errorCode()} and the message to every member.
 */
public final class AssignmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int errorCode;

  /**
   * @param errorCode one of the {@code AssignmentInfo.ERROR_} codes, not {@link
   *     AssignmentInfo#ERROR_NONE}
   * @param message what is wrong, naming the topic and the fix
   */
  public AssignmentException(int errorCode, String message) {
    super(message);
    if (errorCode == AssignmentInfo.ERROR_NONE) {
      throw new IllegalArgumentException("an assignment error needs a non-zero code: " + message);
    }
    this.errorCode = errorCode;
  }

  /** @return the {@code AssignmentInfo.ERROR_} code to send to the members */
  public int errorCode() {
    return errorCode;
  }
}
