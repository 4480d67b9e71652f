package io.sluice.runtime.internals;

import io.sluice.runtime.KafkaClientSupplier;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.internals.assignment.TopologyMetadata;
import io.sluice.state.StateStore;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;

/**
 * What every thread of one application instance shares.
 *
 * @param clientIdPrefix prefix of the client ids ({@code client.id}, or application id and
 *     process id)
 * @param globalStores looks up global stores by name (null if none)
 * @param shutdownRequest 0, or the error code asking every instance to shut down
 * @param threadCount the instance's current number of stream threads
 */
public record InstanceContext(
    StreamsConfig config,
    EngineConfig engine,
    TopologyMetadata topology,
    KafkaClientSupplier clients,
    StateDirectory stateDirectory,
    Metrics metrics,
    Admin admin,
    UUID processId,
    String clientIdPrefix,
    Time time,
    Function<String, StateStore> globalStores,
    AtomicInteger shutdownRequest,
    IntSupplier threadCount) {

  /** The application id. */
  public String applicationId() {
    return engine.applicationId();
  }
}
