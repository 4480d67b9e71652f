package io.sluice.runtime.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.TaskId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlushOrderTest {

  @TempDir Path dir;
  private final List<String> flushed = new ArrayList<>();

  private StateStore store(String name) {
    return new StateStore() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void init(StateStoreContext context, StateStore root) {}

      @Override
      public void flush() {
        flushed.add(name);
      }

      @Override
      public void close() {}

      @Override
      public boolean persistent() {
        return false;
      }

      @Override
      public boolean isOpen() {
        return true;
      }
    };
  }

  @Test
  void storesNamedInTheOrderFlushFirstThenTheRestInRegistrationOrder() {
    ProcessorStateManager manager =
        new ProcessorStateManager(new TaskId(0, 0), "app", dir.toFile(), Set.of());
    for (String name : List.of("a", "b", "c", "d")) {
      manager.registerStore(store(name), records -> { });
    }
    manager.flush(List.of("c", "unknown", "a", "c"));
    assertThat(flushed).containsExactly("c", "a", "b", "d");
    flushed.clear();
    manager.flush();
    assertThat(flushed).containsExactly("a", "b", "c", "d");
  }
}
