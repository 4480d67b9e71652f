package io.sluice.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class StoresTest {

  @Test
  void storeNamesMustBeLegalTopicNameParts() {
    assertThatThrownBy(() -> Stores.inMemoryKeyValueStore(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store name")
        .hasMessageContaining("but was ''");
    assertThatThrownBy(() -> Stores.inMemoryKeyValueStore("bad name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ASCII letters, digits, '.', '_' or '-'")
        .hasMessageContaining("'bad name'");
    assertThatThrownBy(() -> Stores.inMemorySessionStore(null, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was null");
    assertThatThrownBy(() -> Stores.inMemoryKeyValueStore("x".repeat(201)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 200");
    assertThat(Stores.inMemoryKeyValueStore("Counts_by-key.v2").name())
        .isEqualTo("Counts_by-key.v2");
  }

  @Test
  void windowRetentionMustCoverTheWindowSize() {
    assertThatThrownBy(
            () ->
                Stores.inMemoryWindowStore(
                    "w", Duration.ofMillis(10), Duration.ofMillis(20), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retentionPeriod (10 ms)")
        .hasMessageContaining("windowSize (20 ms)")
        .hasMessageContaining("window store w");
  }

  @Test
  void durationsMustBeNonNegativeAndPresent() {
    assertThatThrownBy(
            () -> Stores.inMemoryWindowStore("w", Duration.ofMillis(-1), Duration.ZERO, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retentionPeriod must not be negative but was PT-0.001S");
    assertThatThrownBy(
            () ->
                Stores.inMemoryWindowStore("w", Duration.ofMillis(5), Duration.ofMillis(-5), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("windowSize must not be negative");
    assertThatThrownBy(() -> Stores.inMemorySessionStore("s", Duration.ofMillis(-2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retentionPeriod must not be negative");
    assertThatThrownBy(() -> Stores.inMemorySessionStore("s", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("retentionPeriod");
    assertThatThrownBy(() -> Stores.inMemorySessionStore("s", Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must fit in a long of milliseconds");
  }

  @Test
  void suppliersDescribeTheirStores() {
    WindowBytesStoreSupplier window =
        Stores.inMemoryWindowStore("w", Duration.ofMinutes(2), Duration.ofMinutes(1), true);
    assertThat(window.retentionPeriod()).isEqualTo(120_000);
    assertThat(window.windowSize()).isEqualTo(60_000);
    assertThat(window.retainDuplicates()).isTrue();
    assertThat(window.get()).isNotSameAs(window.get());
    assertThat(window.get().persistent()).isFalse();
    SessionBytesStoreSupplier session = Stores.inMemorySessionStore("s", Duration.ofSeconds(3));
    assertThat(session.retentionPeriod()).isEqualTo(3000);
    assertThat(session.get().name()).isEqualTo("s");
  }

  @Test
  void loggingIsOnByDefaultAndConfigurable() {
    StoreBuilder<KeyValueStore<String, Long>> builder =
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Long());
    assertThat(builder.name()).isEqualTo("counts");
    assertThat(builder.loggingEnabled()).isTrue();
    assertThat(builder.logConfig()).isEmpty();

    Map<String, String> config = new HashMap<>(Map.of("min.insync.replicas", "2"));
    builder.withLoggingEnabled(config);
    config.clear();
    assertThat(builder.logConfig()).containsEntry("min.insync.replicas", "2");

    builder.withLoggingDisabled();
    assertThat(builder.loggingEnabled()).isFalse();
    assertThat(builder.logConfig()).isEmpty();
    assertThatThrownBy(() -> builder.withLoggingEnabled(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("topicConfig");
    assertThat(builder.build()).isNotSameAs(builder.build());
  }

  @Test
  void buildersNeedASupplier() {
    assertThatThrownBy(() -> Stores.keyValueStoreBuilder(null, Serdes.String(), Serdes.String()))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("supplier");
  }
}
