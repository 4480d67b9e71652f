package io.sluice.dsl.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.processor.RecordMetadata;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/** The stored form of deduplication entries, and the partitioning by id. */
class DedupEntrySerdeTest {
  private final DedupEntrySerde serde = new DedupEntrySerde();

  @Property
  void roundTrips(@ForAll long timestamp, @ForAll @AlphaChars @StringLength(max = 249) String topic,
      @ForAll int partition, @ForAll long offset, @ForAll boolean withTopic) {
    DedupEntry entry = new DedupEntry(timestamp, withTopic ? topic : null, partition, offset);
    byte[] bytes = serde.serializer().serialize("t", entry);
    assertThat(bytes[0]).isEqualTo(DedupEntrySerde.VERSION);
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(entry);
  }

  @Property
  void truncatedOrForeignBytesAreRejectedWithAMessage(@ForAll byte[] bytes) {
    byte[] valid = DedupEntrySerde.write(new DedupEntry(1, "topic", 2, 3));
    boolean isValidPrefix = bytes.length >= valid.length
        && Arrays.equals(Arrays.copyOf(bytes, valid.length), valid);
    if (!isValidPrefix && (bytes.length < 23 || bytes[0] != DedupEntrySerde.VERSION)) {
      assertThatThrownBy(() -> DedupEntrySerde.read(bytes))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("deduplication entry");
    }
  }

  @Test
  void aNewerVersionIsRefusedNamingTheVersions() {
    byte[] bytes = DedupEntrySerde.write(new DedupEntry(1, "t", 0, 5));
    bytes[0] = 2;
    assertThatThrownBy(() -> DedupEntrySerde.read(bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("format version 2").hasMessageContaining("reads version 1");
  }

  @Test
  void nullsStayNull() {
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void sameSourceNeedsTopicPartitionAndOffset() {
    DedupEntry entry = DedupEntry.of(10, Optional.of(new RecordMetadata("in", 1, 7)));
    assertThat(entry.sameSource(Optional.of(new RecordMetadata("in", 1, 7)))).isTrue();
    assertThat(entry.sameSource(Optional.of(new RecordMetadata("in", 1, 8)))).isFalse();
    assertThat(entry.sameSource(Optional.of(new RecordMetadata("in", 0, 7)))).isFalse();
    assertThat(entry.sameSource(Optional.of(new RecordMetadata("other", 1, 7)))).isFalse();
    assertThat(entry.sameSource(Optional.empty())).isFalse();
    DedupEntry unknown = DedupEntry.of(10, Optional.empty());
    assertThat(unknown.sameSource(Optional.of(new RecordMetadata("in", 1, 7)))).isFalse();
  }

  @Property
  void recordsOfOneIdShareAPartition(@ForAll String id, @ForAll String k1, @ForAll String k2) {
    IdPartitioner<String, String, String> partitioner =
        new IdPartitioner<>((k, v) -> v, Serdes.String().serializer());
    Optional<Integer> first = partitioner.partition("t", k1, id, 12);
    assertThat(first).isPresent();
    assertThat(first.get()).isBetween(0, 11);
    assertThat(partitioner.partition("t", k2, id, 12)).isEqualTo(first);
    assertThat(partitioner.partition("t", k1, null, 12)).isEmpty();
  }
}
