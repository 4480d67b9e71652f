package io.sluice.testkit.internals;

import java.util.List;
import java.util.Map;

/**
 * A backend whose brokers the testkit does not run as local JVMs (a container, or an existing
 * cluster): no SASL listener of its own, no process ids, and no fault injection, which is refused
 * with a message saying why and which mode offers it.
 */
abstract class UnmanagedBrokersBackend implements ClusterBackend {

  /** Why fault injection is unavailable here, for the refusal of {@code method}. */
  abstract String faultsUnavailableMessage(String method);

  @Override
  public final Map<String, Object> securityProperties() {
    return Map.of();
  }

  @Override
  public final boolean sasl() {
    return false;
  }

  @Override
  public final List<Long> processIds() {
    return List.of();
  }

  @Override
  public final void stopBroker(int index) {
    throw new IllegalStateException(faultsUnavailableMessage("stopBroker"));
  }

  @Override
  public final void startBroker(int index) {
    throw new IllegalStateException(faultsUnavailableMessage("startBroker"));
  }

  @Override
  public final void killBroker(int index) {
    throw new IllegalStateException(faultsUnavailableMessage("killBroker"));
  }
}
