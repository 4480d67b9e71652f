package io.sluice.runtime.internals;

import static io.sluice.runtime.internals.Fixture.DE;
import static io.sluice.runtime.internals.Fixture.SER;
import static io.sluice.runtime.internals.Fixture.pipe;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.processor.Topology;
import io.sluice.state.Stores;
import io.sluice.state.TaskId;
import java.util.Properties;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/**
 * The test driver only feeds records in and collects records out: its tasks are the engine's
 * {@link StreamTask}s with their {@link ProcessorStateManager}s, and every piped record goes
 * through {@link StreamTask#process}, which counts it in the task's process metric.
 */
class DriverSharesEngineTest {
  @Test
  void theDriverRunsTheEnginesTasksAndStateManagers() {
    Topology topology = new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("count", StateAndChangelogTest.Counter::new, "src")
        .addStateStore(Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Long()), "count")
        .addSink("out", "out", SER, SER, "count");
    SyncDriver driver = new SyncDriver(topology, new Properties(), 0L);
    StreamTask task = driver.tasks().get(0);
    assertThat(task.getClass()).isSameAs(StreamTask.class);
    assertThat(task.stateManager().getClass()).isSameAs(ProcessorStateManager.class);
    assertThat(task.id()).isEqualTo(new TaskId(0, 0));
    assertThat(task.state()).isEqualTo(TaskState.RUNNING);
    assertThat(task.inputPartitions()).containsExactly(new TopicPartition("in", 0));
    assertThat(task.stateManager().changelogPartitions())
        .containsEntry(new TopicPartition("sluice-test-driver-counts-changelog", 0), "counts");

    pipe(driver, "in", "a", "x", 1);
    pipe(driver, "in", "a", "x", 2);

    assertThat(task.processedRecords()).isEqualTo(2.0);
    assertThat(driver.stateStore("counts")).isSameAs(task.stateManager().store("counts"));
    assertThat(task.stateManager().changelogOffsets())
        .containsEntry(new TopicPartition("sluice-test-driver-counts-changelog", 0), 2L);
    driver.close();
    assertThat(task.state()).isEqualTo(TaskState.CLOSED);
  }
}
