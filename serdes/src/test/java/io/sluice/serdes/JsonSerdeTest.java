package io.sluice.serdes;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.apache.kafka.common.errors.SerializationException;

class JsonSerdeTest {

  record Order(String id, int quantity, List<String> tags) {}

  record Renamed(String orderId) {}

  static final class Opaque {}

  private final JsonSerde<Order> orders = new JsonSerde<>(Order.class);
  private final JsonSerde<Map<String, Object>> maps = new JsonSerde<>(new TypeReference<>() {});

  @Property
  void roundTripsRecords(
      @ForAll @StringLength(max = 20) @CharRange(from = '\u0000', to = '\ud7ff') String id,
      @ForAll int quantity,
      @ForAll @Size(max = 4) List<@StringLength(max = 5) @CharRange(from = ' ', to = '~') String>
          tags) {
    Order order = new Order(id, quantity, tags);
    byte[] bytes = orders.serializer().serialize("orders", order);
    assertThat(orders.deserializer().deserialize("orders", bytes)).isEqualTo(order);
  }

  @Property
  void roundTripsGenericTypes(
      @ForAll @Size(max = 4)
          List<Map<@StringLength(max = 4) @CharRange(from = 'a', to = 'z') String, Long>>
              values) {
    JsonSerde<List<Map<String, Long>>> serde = new JsonSerde<>(new TypeReference<>() {});
    byte[] bytes = serde.serializer().serialize("t", values);
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(values);
  }

  @Example
  void nullIsNullBothWays() {
    assertThat(orders.serializer().serialize("orders", null)).isNull();
    assertThat(orders.deserializer().deserialize("orders", null)).isNull();
  }

  @Example
  void defaultMapperIgnoresUnknownProperties() {
    byte[] json = "{\"id\":\"a\",\"quantity\":2,\"tags\":[],\"addedLater\":true}".getBytes(UTF_8);
    assertThat(orders.deserializer().deserialize("orders", json))
        .isEqualTo(new Order("a", 2, List.of()));
  }

  @Example
  void malformedPayloadNamesTopicTypeAndFirstBytes() {
    byte[] json = "{\"id\": oops".getBytes(UTF_8);
    assertThatThrownBy(() -> orders.deserializer().deserialize("orders", json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("topic 'orders'")
        .hasMessageContaining(Order.class.getName())
        .hasMessageContaining("11 bytes, hex 7b226964223a206f6f7073")
        .hasMessageContaining("text \"{\"id\": oops\"");
  }

  @Example
  void errorShowsAtMost32BytesOfALongPayload() {
    byte[] payload = ("\u0001" + "a".repeat(31) + "b".repeat(68)).getBytes(UTF_8);
    assertThatThrownBy(() -> orders.deserializer().deserialize("orders", payload))
        .isInstanceOf(SerializationException.class)
        .hasMessageEndingWith(
            "(payload 100 bytes, hex 01" + "61".repeat(31) + "..., text \"."
                + "a".repeat(31) + "\"...)");
  }

  @Example
  void wrongShapeEmptyPayloadAndTrailingContentAreRejected() {
    for (String payload : List.of("\"just a string\"", "", "{\"id\":\"a\"} {}")) {
      assertThatThrownBy(
              () -> orders.deserializer().deserialize("orders", payload.getBytes(UTF_8)))
          .as(payload)
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("orders");
    }
  }

  @Example
  void unwritableValueNamesTopicAndClass() {
    JsonSerde<Opaque> serde = new JsonSerde<>(Opaque.class);
    assertThatThrownBy(() -> serde.serializer().serialize("opaque-out", new Opaque()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("topic 'opaque-out'")
        .hasMessageContaining(Opaque.class.getName());
  }

  @Example
  void usesTheSuppliedMapper() {
    ObjectMapper snake =
        JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    JsonSerde<Renamed> serde = new JsonSerde<>(Renamed.class, snake);
    byte[] bytes = serde.serializer().serialize("t", new Renamed("o-1"));
    assertThat(new String(bytes, UTF_8)).isEqualTo("{\"order_id\":\"o-1\"}");
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(new Renamed("o-1"));
  }

  @Example
  void refusesMappersWithDefaultTyping() {
    BasicPolymorphicTypeValidator anything =
        BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class).build();
    ObjectMapper built = JsonMapper.builder().activateDefaultTyping(anything).build();
    ObjectMapper mutated = new ObjectMapper();
    mutated.activateDefaultTypingAsProperty(
        anything, ObjectMapper.DefaultTyping.NON_FINAL, "@class");

    assertThatThrownBy(() -> new JsonSerde<>(Order.class, built))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("default typing")
        .hasMessageContaining("@JsonTypeInfo");
    assertThatThrownBy(() -> new JsonSerde<>(new TypeReference<List<Order>>() {}, mutated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("default typing");
    assertThat(new JsonSerde<>(Order.class, new ObjectMapper())).isNotNull();
  }

  @Property
  void randomBytesAreReadOrRejected(@ForAll @Size(max = 64) byte[] data) {
    Fuzzing.readsOrRejects(orders.deserializer(), data);
    Fuzzing.readsOrRejects(maps.deserializer(), data);
  }

  @Property
  void almostJsonIsReadOrRejected(@ForAll("almostJson") String text) {
    Fuzzing.readsOrRejects(orders.deserializer(), text.getBytes(UTF_8));
  }

  @Provide
  Arbitrary<String> almostJson() {
    return Arbitraries.strings()
        .withChars("{}[]\":,0123456789.-eE truefalsnidqagy\\")
        .ofMaxLength(40);
  }
}
