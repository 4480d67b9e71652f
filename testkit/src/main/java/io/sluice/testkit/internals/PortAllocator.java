package io.sluice.testkit.internals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks free loopback TCP ports by binding port 0.
 *
 * <p>All sockets of one request stay bound until every port is chosen, so one request never
 * returns the same port twice. Another process may still take a port between this check and the
 * broker's bind; the cluster then retries its start on new ports.
 */
public interface PortAllocator {

  /** The allocator that asks the operating system for ephemeral ports on 127.0.0.1. */
  PortAllocator EPHEMERAL = PortAllocator::ephemeralPorts;

  /**
   * Returns {@code count} distinct ports that were free a moment ago.
   *
   * @throws UncheckedIOException if the loopback interface cannot bind
   */
  int[] freePorts(int count);

  private static int[] ephemeralPorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket();
        sockets.add(socket);
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find free ports on the loopback interface", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException e) {
          // Nothing was sent on it; the port is released either way.
        }
      }
    }
  }
}
