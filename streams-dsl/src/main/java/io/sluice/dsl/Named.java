package io.sluice.dsl;

import io.sluice.processor.TopologyException;
import java.util.Objects;

/**
 * The name of one DSL operator's processor, replacing the generated
 * {@code KSTREAM-<OPERATOR>-<counter>} name. Explicit names keep a topology's node names stable
 * when operators are added or removed elsewhere.
 */
public final class Named {
  /** The longest name accepted, in characters (Kafka's limit for names that become topic parts). */
  public static final int MAX_LENGTH = 249;

  private final String name;

  private Named(String name) {
    this.name = name;
  }

  /**
   * @param name the processor name: 1 to {@value #MAX_LENGTH} characters of ASCII letters, digits,
   *     {@code .}, {@code _} and {@code -}
   * @return the option
   * @throws TopologyException if the name is null, empty, too long or has another character
   */
  public static Named as(String name) {
    return new Named(validate(name));
  }

  /** @return the name */
  public String name() {
    return name;
  }

  /**
   * Checks an operator or store name against the characters Kafka accepts in topic names.
   *
   * @param name the name to check
   * @return the name
   * @throws TopologyException naming the bad name and the valid characters
   */
  static String validate(String name) {
    if (name == null || name.isEmpty()) {
      throw new TopologyException("An operator name must not be null or empty; pass a name made of"
          + " ASCII letters, digits, '.', '_' and '-'");
    }
    if (name.length() > MAX_LENGTH) {
      throw new TopologyException("Operator name '" + name + "' is " + name.length()
          + " characters long; the limit is " + MAX_LENGTH);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-';
      if (!legal) {
        throw new TopologyException("Operator name '" + name + "' has the illegal character '"
            + c + "' at index " + i + "; use ASCII letters, digits, '.', '_' and '-'");
      }
    }
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Named n && name.equals(n.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name);
  }

  @Override
  public String toString() {
    return "Named(" + name + ")";
  }
}
