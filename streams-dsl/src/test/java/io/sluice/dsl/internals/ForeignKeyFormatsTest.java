package io.sluice.dsl.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

/** The foreign-key join's binary formats: round trips, exact layouts, and fuzzed decoders. */
class ForeignKeyFormatsTest {
  private static final String TOPIC = "t";
  private final SubscriptionSerde<String> subscriptions = new SubscriptionSerde<>(Serdes.String());
  private final SubscriptionResponseSerde<String> responses =
      new SubscriptionResponseSerde<>(Serdes.String());

  @Provide
  Arbitrary<byte[]> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(ValueHash.LENGTH).injectNull(0.3);
  }

  @Provide
  Arbitrary<SubscriptionInstruction> instructions() {
    return Arbitraries.of(SubscriptionInstruction.class);
  }

  @Property
  void subscriptionsRoundTrip(@ForAll("hashes") byte[] hash,
      @ForAll("instructions") SubscriptionInstruction instruction, @ForAll String key,
      @ForAll int partition) {
    Subscription<String> subscription = new Subscription<>(hash, instruction, key, partition);
    byte[] bytes = subscriptions.serializer().serialize(TOPIC, subscription);
    assertThat(bytes[0]).isEqualTo(SubscriptionSerde.VERSION);
    assertThat(subscriptions.deserializer().deserialize(TOPIC, bytes)).isEqualTo(subscription);
  }

  @Property
  void responsesRoundTripAndExposeTheirPartition(@ForAll("hashes") byte[] hash,
      @ForAll String value, @ForAll boolean absent, @ForAll int partition) {
    SubscriptionResponse<String> response =
        new SubscriptionResponse<>(hash, absent ? null : value, partition);
    byte[] bytes = responses.serializer().serialize(TOPIC, response);
    assertThat(bytes[0]).isEqualTo(SubscriptionResponseSerde.VERSION);
    assertThat(SubscriptionResponseSerde.primaryPartition(bytes)).isEqualTo(partition);
    assertThat(responses.deserializer().deserialize(TOPIC, bytes)).isEqualTo(response);
  }

  @Property(tries = 2000)
  void subscriptionDecoderRejectsGarbageOnlyWithSerializationException(
      @ForAll @Size(max = 40) byte[] data) {
    try {
      Subscription<String> read = subscriptions.deserializer().deserialize(TOPIC, data);
      assertThat(subscriptions.serializer().serialize(TOPIC, read)).isNotNull();
    } catch (SerializationException expected) {
      assertThat(expected.getMessage()).contains("foreign-key subscription", "'t'");
    }
  }

  @Property(tries = 2000)
  void responseDecoderRejectsGarbageOnlyWithSerializationException(
      @ForAll @Size(max = 40) byte[] data) {
    try {
      responses.deserializer().deserialize(TOPIC, data);
    } catch (SerializationException expected) {
      assertThat(expected.getMessage()).contains("foreign-key subscription response", "'t'");
    }
  }

  @Property(tries = 500)
  void mutatedSubscriptionsDecodeOrFailCleanly(@ForAll String key, @ForAll int position,
      @ForAll byte replacement) {
    byte[] bytes = subscriptions.serializer().serialize(TOPIC, new Subscription<>(
        ValueHash.of(key.getBytes(StandardCharsets.UTF_8)),
        SubscriptionInstruction.PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE, key, 3));
    bytes[Math.floorMod(position, bytes.length)] = replacement;
    try {
      subscriptions.deserializer().deserialize(TOPIC, bytes);
    } catch (SerializationException expected) {
      assertThat(expected.getMessage()).startsWith("Cannot read foreign-key subscription");
    }
  }

  @Test
  void subscriptionLayoutIsVersionInstructionPartitionHashKey() {
    byte[] hash = new byte[16];
    hash[0] = 7;
    byte[] bytes = subscriptions.serializer().serialize(TOPIC, new Subscription<>(
        hash, SubscriptionInstruction.DELETE_KEY_AND_PROPAGATE, "k", 258));
    assertThat(bytes).hasSize(1 + 1 + 4 + 1 + 16 + 1);
    assertThat(bytes[0]).isEqualTo((byte) 1);
    assertThat(bytes[1]).isEqualTo((byte) 1);
    assertThat(new byte[] {bytes[2], bytes[3], bytes[4], bytes[5]})
        .containsExactly(0, 0, 1, 2);
    assertThat(bytes[6]).isEqualTo((byte) 16);
    assertThat(bytes[7]).isEqualTo((byte) 7);
    assertThat(bytes[23]).isEqualTo((byte) 'k');
  }

  @Test
  void responseLayoutIsVersionPartitionHashLengthValue() {
    byte[] bytes = responses.serializer().serialize(TOPIC, new SubscriptionResponse<>(null, "v",
        -1));
    assertThat(bytes).containsExactly(1, -1, -1, -1, -1, 0, 0, 0, 0, 1, 'v');
    byte[] absent = responses.serializer().serialize(TOPIC, new SubscriptionResponse<>(null,
        null, 0));
    assertThat(absent).containsExactly(1, 0, 0, 0, 0, 0, -1, -1, -1, -1);
  }

  @Test
  void newerVersionsAreRejectedWithAnUpgradeHint() {
    byte[] bytes = subscriptions.serializer().serialize(TOPIC, new Subscription<>(null,
        SubscriptionInstruction.DELETE_KEY_NO_PROPAGATE, "k", 0));
    bytes[0] = 2;
    assertThatThrownBy(() -> subscriptions.deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("version 2").hasMessageContaining("upgrade");
    assertThat(SubscriptionResponseSerde.primaryPartition(new byte[] {2, 0, 0, 0, 1, 0, 0, 0,
        0, 0})).isEqualTo(-1);
  }

  @Test
  void unknownInstructionAndBadHashLengthAreNamed() {
    assertThatThrownBy(() -> subscriptions.deserializer().deserialize(TOPIC,
        new byte[] {1, 9, 0, 0, 0, 0, 0, 'k'}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("instruction code 9");
    assertThatThrownBy(() -> subscriptions.deserializer().deserialize(TOPIC,
        new byte[] {1, 0, 0, 0, 0, 0, 5, 'k'}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("value-hash length 5");
    assertThatThrownBy(() -> responses.deserializer().deserialize(TOPIC,
        new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 9, 'v'}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("length 9");
  }

  @Test
  void nullsStayNull() {
    assertThat(subscriptions.serializer().serialize(TOPIC, null)).isNull();
    assertThat(subscriptions.deserializer().deserialize(TOPIC, null)).isNull();
    assertThat(responses.serializer().serialize(TOPIC, null)).isNull();
    assertThat(responses.deserializer().deserialize(TOPIC, null)).isNull();
  }

  @Property
  void combinedKeysGroupByForeignKeyPrefix(@ForAll byte[] foreign, @ForAll byte[] primary,
      @ForAll byte[] otherForeign) {
    Bytes combined = CombinedKey.of(foreign, primary);
    assertThat(startsWith(combined, CombinedKey.prefix(foreign))).isTrue();
    assertThat(CombinedKey.primaryKey(combined)).isEqualTo(primary);
    if (!java.util.Arrays.equals(foreign, otherForeign)) {
      assertThat(startsWith(combined, CombinedKey.prefix(otherForeign))).isFalse();
    }
  }

  @Test
  void valueHashesAreSixteenBytesAndNullForNoValue() {
    assertThat(ValueHash.of(null)).isNull();
    assertThat(ValueHash.of(new byte[] {1})).hasSize(16)
        .isEqualTo(ValueHash.of(new byte[] {1}))
        .isNotEqualTo(ValueHash.of(new byte[] {2}));
  }

  private static boolean startsWith(Bytes bytes, Bytes prefix) {
    byte[] all = bytes.get();
    byte[] start = prefix.get();
    return all.length >= start.length
        && java.util.Arrays.equals(all, 0, start.length, start, 0, start.length);
  }
}
