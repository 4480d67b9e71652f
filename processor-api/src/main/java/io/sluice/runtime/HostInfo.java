package io.sluice.runtime;

import java.util.Objects;

/**
 * Where an instance of the application answers interactive queries: its {@code
 * application.server} setting ({@code host:port}), as other instances see it in the assignment.
 *
 * @param host the host name or address
 * @param port the port, or -1 for {@link #UNAVAILABLE}
 */
public record HostInfo(String host, int port) {
  /** Stands for "no instance" when the metadata is not known (yet). */
  public static final HostInfo UNAVAILABLE = new HostInfo("unavailable", -1);

  /** @throws NullPointerException if {@code host} is null */
  public HostInfo {
    Objects.requireNonNull(host, "host");
  }

  /**
   * Parses {@code host:port} (the last colon separates the port, so bracketed IPv6 works).
   *
   * @throws IllegalArgumentException if there is no colon or the port is not a number in 0..65535
   */
  public static HostInfo parse(String endpoint) {
    int colon = endpoint == null ? -1 : endpoint.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("application.server must be host:port, but was '"
          + endpoint + "'");
    }
    int port;
    try {
      port = Integer.parseInt(endpoint.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -2;
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("application.server must be host:port with a port in"
          + " 0..65535, but was '" + endpoint + "'");
    }
    return new HostInfo(endpoint.substring(0, colon), port);
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
