package io.sluice.runtime.internals;

import static io.sluice.runtime.internals.Fixture.DE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.AutoOffsetReset;
import io.sluice.processor.SourceOptions;
import io.sluice.processor.Topology;
import io.sluice.runtime.StreamsException;
import io.sluice.runtime.internals.assignment.TopologyMetadata;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The reset of partitions without a valid offset on a MockConsumer set to {@code none} (as the
 * stream thread sets its main consumer): each topic by its own policy, exactly the partitions the
 * consumer reports, positions settled before the next poll.
 */
class OffsetResetterTest {
  private static final TopicPartition EARLY = new TopicPartition("early", 0);
  private static final TopicPartition LATE = new TopicPartition("late", 0);
  private static final TopicPartition STRICT = new TopicPartition("strict", 0);
  private static final TopicPartition RECENT = new TopicPartition("recent", 0);

  private final ManualTime time = new ManualTime(10_000_000L);
  private final Map<TopicPartition, Long> timeQueries = new HashMap<>();
  private final Map<TopicPartition, OffsetAndTimestamp> timeAnswers = new HashMap<>();
  /** How many of the next time lookups time out. */
  private int timeLookupsToFail;
  /**
   * MockConsumer cannot look offsets up by time; this one answers from {@link #timeAnswers}, or
   * times out while {@link #timeLookupsToFail} is positive.
   */
  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("none") {
    @Override
    public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(
        Map<TopicPartition, Long> query) {
      if (timeLookupsToFail > 0) {
        timeLookupsToFail--;
        throw new TimeoutException("offsetsForTimes timed out");
      }
      timeQueries.putAll(query);
      Map<TopicPartition, OffsetAndTimestamp> answer = new HashMap<>();
      query.keySet().forEach(tp -> answer.put(tp, timeAnswers.get(tp)));
      return answer;
    }
  };

  private OffsetResetter resetter(AutoOffsetReset fallback) {
    SourceOptions options = SourceOptions.defaults();
    Topology topology = new Topology()
        .addSource("e", options.withOffsetReset(AutoOffsetReset.EARLIEST), DE, DE, "early")
        .addSource("l", options.withOffsetReset(AutoOffsetReset.LATEST), DE, DE, "late")
        .addSource("s", options.withOffsetReset(AutoOffsetReset.NONE), DE, DE, "strict")
        .addSource("r", DE, DE, "recent");
    OffsetResetPolicies policies =
        OffsetResetPolicies.of(TopologyMetadata.of(topology, "app"), fallback);
    return new OffsetResetter(consumer, policies, time, "app");
  }

  private void assign(TopicPartition... partitions) {
    consumer.assign(List.of(partitions));
    Map<TopicPartition, Long> begin = new HashMap<>();
    Map<TopicPartition, Long> end = new HashMap<>();
    for (TopicPartition tp : partitions) {
      begin.put(tp, 3L);
      end.put(tp, 10L);
    }
    consumer.updateBeginningOffsets(begin);
    consumer.updateEndOffsets(end);
  }

  /** Polls until the consumer reports no further partition (MockConsumer reports one a poll). */
  private void pollUntilSettled(OffsetResetter resetter, int partitions) {
    for (int i = 0; i <= partitions; i++) {
      resetter.poll(Duration.ZERO);
    }
  }

  @Test
  void eachTopicIsResetByItsOwnPolicyAndCommittedOffsetsAreKept() {
    OffsetResetter resetter = resetter(AutoOffsetReset.EARLIEST);
    assign(EARLY, LATE, RECENT);
    consumer.commitSync(Map.of(RECENT, new OffsetAndMetadata(7L)));
    pollUntilSettled(resetter, 3);
    assertThat(consumer.position(EARLY)).isEqualTo(3L);
    assertThat(consumer.position(LATE)).isEqualTo(10L);
    assertThat(consumer.position(RECENT)).as("committed: no reset").isEqualTo(7L);
  }

  @Test
  void aSourceWithoutPolicyUsesTheApplicationDefault() {
    OffsetResetter resetter = resetter(AutoOffsetReset.LATEST);
    assign(RECENT);
    pollUntilSettled(resetter, 1);
    assertThat(consumer.position(RECENT)).isEqualTo(10L);
  }

  @Test
  void policyNoneFailsNamingTheTopicPartitionAndThePolicy() {
    OffsetResetter resetter = resetter(AutoOffsetReset.EARLIEST);
    assign(STRICT);
    assertThatThrownBy(() -> resetter.poll(Duration.ZERO))
        .isInstanceOf(StreamsException.class)
        .hasMessageContaining("[strict]").hasMessageContaining("strict-0 has no committed offset")
        .hasMessageContaining("policy is none").hasMessageContaining("consumer group 'app'");
  }

  @Test
  void anOutOfRangeOffsetIsResetByPolicyAndUnderNoneNamedWithTheOffset() {
    OffsetResetter resetter = resetter(AutoOffsetReset.EARLIEST);
    assign(LATE, STRICT);
    consumer.commitSync(Map.of(LATE, new OffsetAndMetadata(5L), STRICT,
        new OffsetAndMetadata(5L)));
    consumer.setPollException(new OffsetOutOfRangeException("gone", Map.of(LATE, 5L)));
    resetter.poll(Duration.ZERO);
    assertThat(consumer.position(LATE)).isEqualTo(10L);
    assertThat(consumer.position(STRICT)).as("not reported: untouched").isEqualTo(5L);

    consumer.setPollException(new OffsetOutOfRangeException("gone", Map.of(STRICT, 5L)));
    assertThatThrownBy(() -> resetter.poll(Duration.ZERO))
        .isInstanceOf(StreamsException.class)
        .hasMessageContaining("strict-0 is at offset 5, which is out of range");
  }

  @Test
  void byDurationSeeksToTheFirstOffsetAfterNowMinusTheDurationOrElseToTheEnd() {
    AutoOffsetReset lastHour = AutoOffsetReset.parse("by_duration:PT1H");
    OffsetResetter resetter = resetter(lastHour);
    TopicPartition empty = new TopicPartition("recent", 1);
    assign(RECENT, empty);
    timeAnswers.put(RECENT, new OffsetAndTimestamp(6L, time.milliseconds() - 1_000L));
    pollUntilSettled(resetter, 2);
    assertThat(timeQueries).containsEntry(RECENT, time.milliseconds() - 3_600_000L);
    assertThat(consumer.position(RECENT)).isEqualTo(6L);
    assertThat(consumer.position(empty)).as("nothing that recent: the end").isEqualTo(10L);
  }

  @Test
  void aTimedOutResetLeavesThePartitionUnpositionedAndTheNextPollRetriesIt() {
    OffsetResetter resetter = resetter(AutoOffsetReset.parse("by_duration:PT1H"));
    assign(EARLY, RECENT);
    consumer.pause(Set.of(EARLY));
    timeAnswers.put(RECENT, new OffsetAndTimestamp(6L, time.milliseconds() - 1_000L));
    timeLookupsToFail = 1;
    pollUntilSettled(resetter, 1);
    assertThat(consumer.position(EARLY)).as("paused, other policy: reset").isEqualTo(3L);
    assertThat(timeLookupsToFail).as("the lookup did time out").isZero();
    assertThat(timeQueries).as("timed out: nothing answered").isEmpty();
    assertThatThrownBy(() -> consumer.position(RECENT))
        .as("timed out: still no position, so the consumer reports it again")
        .isInstanceOf(NoOffsetForPartitionException.class);

    resetter.poll(Duration.ZERO);
    assertThat(consumer.position(RECENT)).as("retried on the next poll").isEqualTo(6L);
    assertThat(consumer.paused()).containsExactly(EARLY);
  }

  @Test
  void aTimedOutResetWhileRewindingIsThrownSinceThePartitionKeepsItsOldPosition() {
    OffsetResetter resetter = resetter(AutoOffsetReset.parse("by_duration:PT1H"));
    assign(RECENT);
    consumer.seek(RECENT, 9L);
    timeLookupsToFail = 1;
    assertThatThrownBy(() -> resetter.rewindToCommitted(Set.of(RECENT)))
        .isInstanceOf(TimeoutException.class);
  }

  @Test
  void rewindingAfterADirtyCloseSeeksCommittedOffsetsAndResetsTheRestByPolicy() {
    OffsetResetter resetter = resetter(AutoOffsetReset.EARLIEST);
    assign(EARLY, LATE, RECENT);
    consumer.commitSync(Map.of(RECENT, new OffsetAndMetadata(7L)));
    pollUntilSettled(resetter, 3);
    consumer.seek(EARLY, 9L);
    consumer.seek(LATE, 9L);
    consumer.seek(RECENT, 9L);
    resetter.rewindToCommitted(Set.of(EARLY, LATE, RECENT));
    assertThat(consumer.position(EARLY)).isEqualTo(3L);
    assertThat(consumer.position(LATE)).isEqualTo(10L);
    assertThat(consumer.position(RECENT)).isEqualTo(7L);

    assign(STRICT);
    assertThatThrownBy(() -> resetter.rewindToCommitted(Set.of(STRICT)))
        .isInstanceOf(StreamsException.class).hasMessageContaining("strict-0");
  }

  @Test
  void aLeavingThreadsPollNeverFailsOnAMissingOffset() {
    OffsetResetter resetter = resetter(AutoOffsetReset.EARLIEST);
    assign(STRICT);
    resetter.pollWhileLeaving(Duration.ZERO);
    assertThat(consumer.position(STRICT)).isEqualTo(10L);
  }
}
