package io.sluice.runtime;

import java.util.Objects;
import java.util.Set;

/**
 * Where the state for one key lives: the instance holding the active copy, the instances keeping
 * standby copies, and the partition of the key.
 *
 * @param activeHost the instance whose active task owns the key's partition, or {@link
 *     HostInfo#UNAVAILABLE}
 * @param standbyHosts the instances with a standby of that task (maybe lagging)
 * @param partition the key's partition, or -1 when not known
 */
public record KeyQueryMetadata(HostInfo activeHost, Set<HostInfo> standbyHosts, int partition) {
  /** The answer when no assignment is known yet (or the store is unknown to it). */
  public static final KeyQueryMetadata NOT_AVAILABLE =
      new KeyQueryMetadata(HostInfo.UNAVAILABLE, Set.of(), -1);

  /** Copies {@code standbyHosts}. */
  public KeyQueryMetadata {
    Objects.requireNonNull(activeHost, "activeHost");
    standbyHosts = Set.copyOf(standbyHosts);
  }
}
