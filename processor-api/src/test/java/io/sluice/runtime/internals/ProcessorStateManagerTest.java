package io.sluice.runtime.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.StateStoreException;
import io.sluice.state.TaskId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessorStateManagerTest {
  private static final TaskId TASK = new TaskId(1, 3);
  private static final TopicPartition LOGGED = new TopicPartition("app-logged-changelog", 3);

  @TempDir Path dir;

  /** A persistent test store that records what is restored into it. */
  private static final class TestStore implements StateStore {
    private final String name;
    final List<String> restored = new ArrayList<>();
    boolean flushed;
    boolean closed;

    TestStore(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {}

    @Override
    public void flush() {
      flushed = true;
    }

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public boolean persistent() {
      return true;
    }

    @Override
    public boolean isOpen() {
      return !closed;
    }
  }

  private ProcessorStateManager manager() {
    return new ProcessorStateManager(TASK, "app", dir.toFile(), Set.of("logged"));
  }

  private static ConsumerRecord<byte[], byte[]> change(long offset, String key) {
    return new ConsumerRecord<>(LOGGED.topic(), LOGGED.partition(), offset, 0L,
        org.apache.kafka.common.record.TimestampType.CREATE_TIME, 1, 1,
        key.getBytes(StandardCharsets.UTF_8), new byte[0],
        new org.apache.kafka.common.header.internals.RecordHeaders(), Optional.empty());
  }

  @Test
  void registersStoresWithTheirChangelogPartitionAndRestoresBatches() {
    ProcessorStateManager manager = manager();
    manager.initialize();
    TestStore logged = new TestStore("logged");
    TestStore local = new TestStore("local");
    manager.registerStore(logged, batch -> batch.forEach(
        r -> logged.restored.add(new String(r.key(), StandardCharsets.UTF_8))));
    manager.registerStore(local, batch -> { });
    assertThat(manager.changelogPartition("logged")).contains(LOGGED);
    assertThat(manager.changelogPartition("local")).isEmpty();
    assertThatThrownBy(() -> manager.registerStore(new TestStore("local"), batch -> { }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Store 'local' is already registered with task 1_3; a store must register"
            + " exactly once, from its outermost layer's init");

    manager.restore(LOGGED, List.of(change(4, "a"), change(5, "b")));
    assertThat(logged.restored).containsExactly("a", "b");
    assertThat(manager.changelogOffsets()).isEqualTo(Map.of(LOGGED, 6L));
    assertThatThrownBy(() -> manager.restore(new TopicPartition("x", 0), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Task 1_3 has no store with changelog x-0; its changelogs are"
            + " [app-logged-changelog-3]");

    manager.updateChangelogOffsets(Map.of(LOGGED, 9L, new TopicPartition("other", 0), 1L));
    manager.flush();
    manager.checkpoint();
    manager.close();
    assertThat(logged.flushed && logged.closed && local.closed).isTrue();

    ProcessorStateManager reopened = manager();
    reopened.initialize();
    reopened.registerStore(new TestStore("logged"), batch -> { });
    assertThat(reopened.changelogOffsets()).isEqualTo(Map.of(LOGGED, 10L));
  }

  @Test
  void aStaleAcknowledgementNeverMovesAChangelogPositionBackwards() {
    ProcessorStateManager manager = manager();
    manager.initialize();
    manager.registerStore(new TestStore("logged"), batch -> { });
    manager.updateChangelogOffsets(Map.of(LOGGED, 9L));
    manager.updateChangelogOffsets(Map.of(LOGGED, 4L));
    assertThat(manager.changelogOffsets()).isEqualTo(Map.of(LOGGED, 10L));
    manager.close();
  }

  @Test
  void checkpointFilesAreVersionedTextWrittenAtomically() throws Exception {
    OffsetCheckpoint checkpoint = new OffsetCheckpoint(dir.resolve(".checkpoint"));
    checkpoint.write(Map.of(new TopicPartition("t-b", 1), 7L, new TopicPartition("t-a", 0), 3L));
    assertThat(Files.readString(dir.resolve(".checkpoint")))
        .isEqualTo("0\n2\nt-a 0 3\nt-b 1 7\n");
    assertThat(dir.resolve(".checkpoint.tmp")).doesNotExist();
    assertThat(checkpoint.read()).isEqualTo(
        Map.of(new TopicPartition("t-b", 1), 7L, new TopicPartition("t-a", 0), 3L));
    checkpoint.delete();
    assertThat(checkpoint.read()).isEmpty();
  }

  @Test
  void corruptCheckpointFilesFailNamingTheFileAndTheLine() throws Exception {
    Path file = dir.resolve(".checkpoint");
    OffsetCheckpoint checkpoint = new OffsetCheckpoint(file);
    Files.writeString(file, "0\n1\nt-a zero 3\n");
    assertThatThrownBy(checkpoint::read)
        .isInstanceOf(StateStoreException.class)
        .hasMessage("Checkpoint file " + file + " is corrupt at line 't-a zero 3': 'zero' is not"
            + " a number. Delete the file (the task then restores its stores from the"
            + " changelogs)");
    Files.writeString(file, "9\n0\n");
    assertThatThrownBy(checkpoint::read).hasMessageContaining("the first line must be the"
        + " version 0");
    Files.writeString(file, "0\n2\nt-a 0 3\n");
    assertThatThrownBy(checkpoint::read).hasMessageContaining("it announces 2 entries but 1"
        + " follow");
  }
}
