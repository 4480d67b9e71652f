package io.sluice.runtime.internals.assignment;

import io.sluice.runtime.StreamsConfig;
import io.sluice.state.TaskId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;

/** An {@link AssignorContext} with settable state that records the assignments it receives. */
final class FakeContext implements AssignorContext {
  final UUID processId;
  final String endpoint;
  final TopologyMetadata topology;
  final StreamsConfig config;
  int threads = 1;
  int shutdown;
  Set<TaskId> active = new HashSet<>();
  Set<TaskId> standby = new HashSet<>();
  Map<TaskId, Long> offsetSums = new HashMap<>();
  final List<AssignmentInfo> received = new ArrayList<>();

  FakeContext(UUID processId, String endpoint, TopologyMetadata topology, StreamsConfig config) {
    this.processId = processId;
    this.endpoint = endpoint;
    this.topology = topology;
    this.config = config;
  }

  @Override
  public UUID processId() {
    return processId;
  }

  @Override
  public String userEndpoint() {
    return endpoint;
  }

  @Override
  public int threadCount() {
    return threads;
  }

  @Override
  public TopologyMetadata topology() {
    return topology;
  }

  @Override
  public StreamsConfig config() {
    return config;
  }

  @Override
  public Admin admin() {
    throw new AssertionError("the tests give the assignor a fake TopicAdmin");
  }

  @Override
  public Set<TaskId> ownedActiveTasks() {
    return active;
  }

  @Override
  public Set<TaskId> ownedStandbyTasks() {
    return standby;
  }

  @Override
  public Map<TaskId, Long> taskOffsetSums() {
    return offsetSums;
  }

  @Override
  public int shutdownRequest() {
    return shutdown;
  }

  @Override
  public void onAssignment(AssignmentInfo assignment) {
    received.add(assignment);
    active = new HashSet<>(assignment.activeTasks().keySet());
    standby = new HashSet<>(assignment.standbyTasks().keySet());
    standby.addAll(assignment.warmupTasks().keySet());
  }

  AssignmentInfo last() {
    return received.get(received.size() - 1);
  }
}
