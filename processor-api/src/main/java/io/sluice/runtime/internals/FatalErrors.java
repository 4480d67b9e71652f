package io.sluice.runtime.internals;

import io.sluice.runtime.internals.assignment.AssignmentException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Errors no retry or thread replacement can fix: failed authentication or authorization, invalid
 * configuration, an unsupported broker, and an assignment error (missing source topic, shutdown
 * requested by another instance). They put the instance in ERROR instead of going to the
 * uncaught-exception handler.
 */
public final class FatalErrors {
  private FatalErrors() {}

  /** Whether {@code error} or one of its causes is fatal. */
  public static boolean isFatal(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AuthenticationException || t instanceof AuthorizationException
          || t instanceof ConfigException || t instanceof UnsupportedVersionException
          || t instanceof AssignmentException) {
        return true;
      }
    }
    return false;
  }

  /** A one-line description naming the kind of fatal error, for logs and the ERROR state. */
  public static String describe(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AuthenticationException) {
        return "authentication failed: " + t.getMessage()
            + " (check the credentials, e.g. sasl.jaas.config)";
      }
      if (t instanceof AuthorizationException) {
        return "not authorized: " + t.getMessage() + " (check the ACLs of the principal)";
      }
      if (t instanceof AssignmentException) {
        return "the group assignment failed: " + t.getMessage();
      }
    }
    return String.valueOf(error);
  }
}
