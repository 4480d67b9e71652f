package io.sluice.runtime.internals;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Validators of {@code StreamsConfig} settings that ConfigDef's own cannot express. */
public final class ConfigValidators {
  private ConfigValidators() {}

  /** Accepts -1 (the broker's default) or any value of at least 1. */
  public static ConfigDef.Validator minusOneOrPositive() {
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        int n = (Integer) value;
        if (n != -1 && n < 1) {
          throw new ConfigException(name, value,
              "must be -1 (use the broker's default.replication.factor) or at least 1");
        }
      }

      @Override
      public String toString() {
        return "-1 or [1,...]";
      }
    };
  }

  /** Accepts an empty string or {@code host:port}: a host without whitespace, port 0 to 65535. */
  public static ConfigDef.Validator hostAndPortOrEmpty() {
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        String s = (String) value;
        if (s == null || s.isEmpty() || validHostAndPort(s)) {
          return;
        }
        throw new ConfigException(name, value,
            "must be empty or host:port with a port from 0 to 65535, e.g. app-1.example.com:8080");
      }

      @Override
      public String toString() {
        return "empty or host:port";
      }
    };
  }

  private static boolean validHostAndPort(String s) {
    int colon = s.lastIndexOf(':');
    if (colon <= 0 || colon == s.length() - 1 || s.isBlank()) {
      return false;
    }
    String port = s.substring(colon + 1);
    if (port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return Integer.parseInt(port) <= 65535 && s.chars().noneMatch(Character::isWhitespace);
  }
}
