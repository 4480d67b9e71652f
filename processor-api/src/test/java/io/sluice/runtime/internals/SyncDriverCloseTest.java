package io.sluice.runtime.internals;

import static io.sluice.runtime.internals.Fixture.DE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.Topology;
import io.sluice.state.StateStore;
import io.sluice.state.StateStoreContext;
import io.sluice.state.StoreBuilder;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SyncDriverCloseTest {

  /** A store whose flush always fails. */
  private static final class FailingFlushStore implements StateStore {
    boolean closed;

    @Override
    public String name() {
      return "failing";
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
      context.register(root, batch -> { });
    }

    @Override
    public void flush() {
      throw new IllegalStateException("flush failed");
    }

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public boolean persistent() {
      return false;
    }

    @Override
    public boolean isOpen() {
      return !closed;
    }
  }

  /** Builds the one given store, without logging or caching. */
  private static final class OneStoreBuilder implements StoreBuilder<FailingFlushStore> {
    private final FailingFlushStore store;

    OneStoreBuilder(FailingFlushStore store) {
      this.store = store;
    }

    @Override
    public String name() {
      return store.name();
    }

    @Override
    public StoreBuilder<FailingFlushStore> withLoggingEnabled(Map<String, String> topicConfig) {
      return this;
    }

    @Override
    public StoreBuilder<FailingFlushStore> withLoggingDisabled() {
      return this;
    }

    @Override
    public boolean loggingEnabled() {
      return false;
    }

    @Override
    public Map<String, String> logConfig() {
      return Map.of();
    }

    @Override
    public StoreBuilder<FailingFlushStore> withCachingEnabled() {
      return this;
    }

    @Override
    public StoreBuilder<FailingFlushStore> withCachingDisabled() {
      return this;
    }

    @Override
    public boolean cachingEnabled() {
      return false;
    }

    @Override
    public FailingFlushStore build() {
      return store;
    }
  }

  @Test
  void aTaskThatFailsToCloseCleanlyStillClosesItsStores() {
    FailingFlushStore store = new FailingFlushStore();
    SyncDriver driver = new SyncDriver(new Topology()
        .addSource("src", DE, DE, "in")
        .addProcessor("p", () -> Fixture.<String, String>processor((ctx, r) -> { }), "src")
        .addStateStore(new OneStoreBuilder(store), "p"), new Properties(), 0L);
    assertThat(store.isOpen()).isTrue();
    assertThatThrownBy(driver::close).hasMessage("flush failed");
    assertThat(store.closed).isTrue();
  }
}
