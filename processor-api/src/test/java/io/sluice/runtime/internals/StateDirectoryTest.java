package io.sluice.runtime.internals;

import static io.sluice.runtime.internals.Fixture.DE;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.processor.Topology;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.StoreBuilder;
import java.io.File;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StateDirectoryTest {
  /** A store that remembers the state directory its task gave it. */
  private static final class DirStore implements StateStore {
    private final AtomicReference<File> seen;
    private boolean open;
    int flushes;

    DirStore(AtomicReference<File> seen) {
      this.seen = seen;
    }

    @Override
    public String name() {
      return "dir-store";
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
      seen.set(context.stateDir());
      context.register(root, batch -> { });
      open = true;
    }

    @Override
    public void flush() {
      flushes++;
    }

    @Override
    public void close() {
      open = false;
    }

    @Override
    public boolean persistent() {
      return true;
    }

    @Override
    public boolean isOpen() {
      return open;
    }
  }

  private static StoreBuilder<DirStore> builder(AtomicReference<File> seen) {
    return new StoreBuilder<>() {
      @Override
      public String name() {
        return "dir-store";
      }

      @Override
      public StoreBuilder<DirStore> withLoggingEnabled(Map<String, String> topicConfig) {
        return this;
      }

      @Override
      public StoreBuilder<DirStore> withLoggingDisabled() {
        return this;
      }

      @Override
      public boolean loggingEnabled() {
        return true;
      }

      @Override
      public StoreBuilder<DirStore> withCachingEnabled() {
        return this;
      }

      @Override
      public StoreBuilder<DirStore> withCachingDisabled() {
        return this;
      }

      @Override
      public boolean cachingEnabled() {
        return false;
      }

      @Override
      public Map<String, String> logConfig() {
        return Map.of();
      }

      @Override
      public DirStore build() {
        return new DirStore(seen);
      }
    };
  }

  @Test
  void tasksLiveInAppAndTaskDirectoriesThatTheDriverDeletesOnClose() {
    AtomicReference<File> seen = new AtomicReference<>();
    Topology topology = new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("p", () -> Fixture.<String, String>processor((c, r) -> { }), "src")
        .addStateStore(builder(seen), "p");
    SyncDriver driver = new SyncDriver(topology, new Properties(), 0L);
    File taskDir = seen.get();
    assertThat(taskDir.getName()).isEqualTo("0_0");
    assertThat(taskDir.getParentFile().getName()).isEqualTo(SyncDriver.DEFAULT_APPLICATION_ID);
    assertThat(taskDir).isDirectory();
    Fixture.pipe(driver, "in", "k", "v", 1);
    Fixture.pipe(driver, "in", "k", "v", 2);
    assertThat(((DirStore) driver.stateStore("dir-store")).flushes)
        .as("a commit after each piped record flushes caches only; the store is synced once,"
            + " before the first checkpoint").isEqualTo(1);
    assertThat(new File(taskDir, ".checkpoint")).content()
        .isEqualTo("0\n1\nsluice-test-driver-dir-store-changelog 0 0\n");
    driver.close();
    assertThat(taskDir.getParentFile().getParentFile()).doesNotExist();
  }
}
