package io.sluice.serdes.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.serdes.Fuzzing;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

class ChangeSerdeTest {

  private final Serde<Change<String>> serde = new ChangeSerde<>(Serdes.String());

  @Property
  void roundTripsWithNullSides(
      @ForAll("maybeNull") String oldValue, @ForAll("maybeNull") String newValue) {
    Change<String> change = new Change<>(oldValue, newValue);
    byte[] bytes = serde.serializer().serialize("repartition", change);
    assertThat(serde.deserializer().deserialize("repartition", bytes)).isEqualTo(change);
  }

  @Provide
  Arbitrary<String> maybeNull() {
    return Arbitraries.strings().ofMaxLength(12).injectNull(0.3);
  }

  @Example
  void emptyAndNullValuesStayDistinct() {
    byte[] emptyOld = serde.serializer().serialize("t", new Change<>("", null));
    byte[] nullOld = serde.serializer().serialize("t", new Change<>(null, ""));
    assertThat(emptyOld).containsExactly(1, 0, 0, 0, 0, -1, -1, -1, -1);
    assertThat(nullOld).containsExactly(1, -1, -1, -1, -1, 0, 0, 0, 0);
    assertThat(serde.deserializer().deserialize("t", emptyOld)).isEqualTo(new Change<>("", null));
    assertThat(serde.deserializer().deserialize("t", nullOld)).isEqualTo(new Change<>(null, ""));
  }

  @Example
  void nullIsNullBothWays() {
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Example
  void unknownVersionNamesFoundAndSupportedVersions() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("rep", new byte[] {2, 0, 0, 0, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("from topic 'rep'")
        .hasMessageContaining("found format version 2")
        .hasMessageContaining("reads only version 1");
  }

  @Example
  void lengthsThatDoNotFitAreRejected() {
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, 0, 0, 0, 9, 'a'}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("old value's length 9 does not fit the 1 bytes left");
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, -1, -1, -1, -1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("new value's length is missing");
    byte[] trailing = {1, -1, -1, -1, -1, -1, -1, -1, -1, 0};
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", trailing))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("1 unexpected bytes after the new value");
  }

  @Property
  void randomBytesAreReadOrRejected(@ForAll @Size(max = 24) byte[] data) {
    Fuzzing.readsOrRejects(serde.deserializer(), data);
    byte[] versioned = data.clone();
    if (versioned.length > 0) {
      versioned[0] = ChangeSerde.VERSION;
    }
    Fuzzing.readsOrRejects(serde.deserializer(), versioned);
  }
}
