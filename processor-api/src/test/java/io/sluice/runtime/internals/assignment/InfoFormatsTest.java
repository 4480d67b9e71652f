package io.sluice.runtime.internals.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.state.TaskId;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Round trips and fuzzing of the subscription and assignment formats. */
class InfoFormatsTest {

  @Property(tries = 150)
  void subscriptionsRoundTrip(@ForAll("subscriptions") SubscriptionInfo info) {
    SubscriptionInfo decoded = SubscriptionInfo.decode(info.encode());
    assertThat(decoded).isEqualTo(info);
    assertThat(SubscriptionInfo.peekVersions(info.encode()))
        .containsExactly(info.version(), info.latestSupportedVersion());
  }

  @Property(tries = 150)
  void assignmentsRoundTrip(@ForAll("assignments") AssignmentInfo info) {
    assertThat(AssignmentInfo.decode(info.encode())).isEqualTo(info);
  }

  @Property(tries = 1000)
  void randomBytesNeverBreakTheDecodersOtherThanByFormatException(
      @ForAll @Size(max = 200) byte[] bytes) {
    decodeOrFormatError(() -> SubscriptionInfo.decode(ByteBuffer.wrap(bytes)));
    decodeOrFormatError(() -> AssignmentInfo.decode(ByteBuffer.wrap(bytes)));
  }

  @Property(tries = 250)
  void mutatedSubscriptionsDecodeOrFailWithFormatException(
      @ForAll("subscriptions") SubscriptionInfo info, @ForAll @IntRange(max = 10_000) int at,
      @ForAll byte value, @ForAll @IntRange(max = 10_000) int cut) {
    byte[] bytes = mutate(info.encode(), at, value, cut);
    decodeOrFormatError(() -> SubscriptionInfo.decode(ByteBuffer.wrap(bytes)));
  }

  @Property(tries = 250)
  void mutatedAssignmentsDecodeOrFailWithFormatException(
      @ForAll("assignments") AssignmentInfo info, @ForAll @IntRange(max = 10_000) int at,
      @ForAll byte value, @ForAll @IntRange(max = 10_000) int cut) {
    byte[] bytes = mutate(info.encode(), at, value, cut);
    decodeOrFormatError(() -> AssignmentInfo.decode(ByteBuffer.wrap(bytes)));
  }

  @Test
  void futureVersionsAreRejectedWithAMessageSayingWhatToDo() {
    ByteBuffer future = ByteBuffer.wrap(new byte[] {9, 9, 0, 0});
    assertThatThrownBy(() -> SubscriptionInfo.decode(future)).isInstanceOf(FormatException.class)
        .hasMessageContaining("version 9").hasMessageContaining("versions 1 to 1")
        .hasMessageContaining("same Sluice release");
    assertThatThrownBy(() -> AssignmentInfo.decode(future)).isInstanceOf(FormatException.class)
        .hasMessageContaining("version 9").hasMessageContaining("upgrade");
    assertThat(SubscriptionInfo.peekVersions(future)).containsExactly(9, 9);
  }

  @Test
  void theVersionByteComesFirst() {
    SubscriptionInfo sub = SubscriptionInfo.latest(UUID.randomUUID(), Set.of(), Set.of(),
        Map.of(), null, null, 1, 0);
    assertThat(sub.encode().get(0)).isEqualTo((byte) SubscriptionInfo.LATEST_VERSION);
    AssignmentInfo error = AssignmentInfo.error(1, AssignmentInfo.ERROR_MISSING_SOURCE_TOPIC,
        "Source topic in does not exist");
    assertThat(error.encode().get(0)).isEqualTo((byte) AssignmentInfo.LATEST_VERSION);
    assertThat(AssignmentInfo.decode(error.encode()).errorMessage())
        .isEqualTo("Source topic in does not exist");
  }

  @Test
  void trailingBytesAndHugeCountsAreCorrupt() {
    ByteBuffer encoded = AssignmentInfo.error(1, 1, "stop").encode();
    ByteBuffer longer = ByteBuffer.allocate(encoded.remaining() + 1).put(encoded).put((byte) 0)
        .flip();
    assertThatThrownBy(() -> AssignmentInfo.decode(longer)).isInstanceOf(FormatException.class)
        .hasMessageContaining("1 unread bytes");
    ByteBuffer huge = ByteBuffer.allocate(64).put((byte) 1).put((byte) 1).putInt(0).put((byte) 0)
        .putLong(-1).putInt(Integer.MAX_VALUE).flip();
    assertThatThrownBy(() -> AssignmentInfo.decode(huge)).isInstanceOf(FormatException.class)
        .hasMessageContaining("a count of " + Integer.MAX_VALUE);
  }

  @Test
  void aHostWithEmptyPartitionSetsRoundTrips() {
    Map<String, Set<TopicPartition>> byHost = Map.of("idle:1", Set.of(), "busy:2",
        Set.of(new TopicPartition("in", 0)));
    AssignmentInfo info = new AssignmentInfo(1, Map.of(), Map.of(), Map.of(), byHost,
        Map.of("idle:1", Set.of()), 0, null, -1);
    AssignmentInfo decoded = AssignmentInfo.decode(info.encode());
    assertThat(decoded).isEqualTo(info);
    assertThat(decoded.partitionsByHost()).containsEntry("idle:1", Set.of());
    assertThat(decoded.standbyPartitionsByHost()).containsOnlyKeys("idle:1");
  }

  @Test
  void anErrorCodeComesWithAMessageAndOnlyThen() {
    assertThatThrownBy(() -> new AssignmentInfo(1, Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of(), 2, null, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("code 2");
  }

  private static byte[] mutate(ByteBuffer encoded, int at, byte value, int cut) {
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    bytes[at % bytes.length] = value;
    return java.util.Arrays.copyOf(bytes, Math.max(0, bytes.length - cut % 4));
  }

  private static void decodeOrFormatError(Runnable decode) {
    try {
      decode.run();
    } catch (FormatException expected) {
      assertThat(expected.getMessage()).contains("Sluice");
    }
  }

  @Provide
  Arbitrary<SubscriptionInfo> subscriptions() {
    Arbitrary<UUID> ids = Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()));
    Arbitrary<Map<TaskId, Long>> sums = Arbitraries.maps(taskIds(),
        Arbitraries.longs().between(-2, Long.MAX_VALUE)).ofMaxSize(20);
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(30).injectNull(0.3);
    return Combinators.combine(ids, taskIdSets(), taskIdSets(), sums, text, text,
            Arbitraries.integers().between(1, 64), Arbitraries.of(0, 1))
        .as((id, active, standby, offsets, endpoint, rack, threads, shutdown) ->
            SubscriptionInfo.latest(id, active, standby, offsets, endpoint, rack, threads,
                shutdown));
  }

  @Provide
  Arbitrary<AssignmentInfo> assignments() {
    Arbitrary<Map<TaskId, Set<TopicPartition>>> tasks =
        Arbitraries.maps(taskIds(), partitions()).ofMaxSize(8);
    Arbitrary<Map<String, Set<TopicPartition>>> hosts =
        Arbitraries.maps(Arbitraries.strings().ofMaxLength(20), partitions()).ofMaxSize(4);
    Arbitrary<String> error = Arbitraries.strings().ofMaxLength(40).injectNull(0.5);
    return Combinators.combine(tasks, tasks, tasks, hosts, hosts, error,
            Arbitraries.integers().between(1, 6), Arbitraries.longs())
        .as((active, standby, warmup, byHost, standbyByHost, message, code, probing) ->
            new AssignmentInfo(1, active, standby, warmup, byHost, standbyByHost,
                message == null ? 0 : code, message, probing));
  }

  private static Arbitrary<TaskId> taskIds() {
    return Combinators.combine(Arbitraries.integers().between(0, 1000),
        Arbitraries.integers().between(0, 1000)).as(TaskId::new);
  }

  private static Arbitrary<Set<TaskId>> taskIdSets() {
    return taskIds().set().ofMaxSize(20);
  }

  private static Arbitrary<Set<TopicPartition>> partitions() {
    Arbitrary<TopicPartition> one = Combinators.combine(
        Arbitraries.of("in", "app-store-changelog", "ü-topic", "x"),
        Arbitraries.integers().between(0, 500)).as(TopicPartition::new);
    return one.set().ofMaxSize(10);
  }

  @Test
  void equalSetsEncodeToEqualBytesWhateverTheirIterationOrder() {
    Map<TaskId, Set<TopicPartition>> a = new HashMap<>();
    Set<TopicPartition> parts = new HashSet<>(List.of(new TopicPartition("b", 1),
        new TopicPartition("a", 2), new TopicPartition("a", 0)));
    a.put(new TaskId(1, 0), parts);
    a.put(new TaskId(0, 3), Set.of());
    AssignmentInfo one = new AssignmentInfo(1, a, Map.of(), Map.of(), Map.of(), Map.of(), 0,
        null, -1);
    AssignmentInfo two = new AssignmentInfo(1, new java.util.TreeMap<>(a), Map.of(), Map.of(),
        Map.of(), Map.of(), 0, null, -1);
    assertThat(one.encode()).isEqualTo(two.encode());
  }
}
