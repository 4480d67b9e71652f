package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runtime.StreamsApp.State;
import io.sluice.runtime.internals.InternalTopologyBuilder.SubtopologyView;
import io.sluice.runtime.internals.query.LocalTasks;
import io.sluice.runtime.internals.query.QueryMetadata;
import io.sluice.state.ReadOnlyKeyValueStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InteractiveQueriesTest {
  private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
  private final InteractiveQueries queries = new InteractiveQueries(state::get, new LocalTasks(),
      new QueryMetadata(List.of(new SubtopologyView(0, Map.of("src", List.of("in")), Map.of(),
          Map.of(), Set.of(), Set.of("counts"), Set.of("counts"))), List.of(), HostInfo.UNAVAILABLE), name -> null,
      () -> null);
  private final StoreQueryParameters<ReadOnlyKeyValueStore<String, Long>> counts =
      StoreQueryParameters.fromNameAndType("counts", QueryableStoreTypes.keyValueStore());

  @Test
  void aQueryWhileRebalancingIsRetriableAndSaysSo() {
    state.set(State.REBALANCING);
    assertThatThrownBy(() -> queries.store(counts))
        .isInstanceOfSatisfying(StoreRebalancingException.class,
            e -> assertThat(e.retriable()).isTrue())
        .hasMessageContaining("rebalance is in progress").hasMessageContaining("retry");
  }

  @Test
  void aViewObtainedWhileRunningFailsRetriablyOnceARebalanceStarts() {
    ReadOnlyKeyValueStore<String, Long> view = queries.store(counts);
    assertThat(view.get("k")).isNull();
    state.set(State.REBALANCING);
    assertThatThrownBy(() -> view.get("k")).isInstanceOf(StoreRebalancingException.class);
    state.set(State.RUNNING);
    assertThat(view.get("k")).isNull();
  }

  @Test
  void notRunningAndUnknownStoresAreNotRetriable() {
    state.set(State.NOT_RUNNING);
    assertThatThrownBy(() -> queries.store(counts))
        .isInstanceOfSatisfying(InvalidStateStoreException.class,
            e -> assertThat(e.retriable()).isFalse())
        .hasMessageContaining("NOT_RUNNING");
    state.set(State.RUNNING);
    assertThatThrownBy(() -> queries.store(StoreQueryParameters.fromNameAndType("nope",
        QueryableStoreTypes.keyValueStore())))
        .isExactlyInstanceOf(InvalidStateStoreException.class)
        .hasMessageContaining("'nope'").hasMessageContaining("[counts]");
  }

  @Test
  void aPartitionNotHeldHereIsNamed() {
    ReadOnlyKeyValueStore<String, Long> view = queries.store(counts.withPartition(3));
    assertThatThrownBy(() -> view.get("k")).isExactlyInstanceOf(
        InvalidStateStoreException.class).hasMessageContaining("Partition 3");
  }

  @Test
  void hostInfoParsesHostAndPort() {
    assertThat(HostInfo.parse("localhost:8080")).isEqualTo(new HostInfo("localhost", 8080));
    assertThat(HostInfo.parse("[::1]:9")).isEqualTo(new HostInfo("[::1]", 9));
    assertThatThrownBy(() -> HostInfo.parse("nohost")).hasMessageContaining("host:port");
    assertThatThrownBy(() -> HostInfo.parse("h:99999")).hasMessageContaining("0..65535");
  }
}
