package io.sluice.serdes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.serdes.internals.JsonMappers;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A serde of JSON values (UTF-8) built on Jackson, for one target type given as a class or, for
 * generic types, a {@link TypeReference}.
 *
 * <p>Without a mapper it uses one shared default mapper: Jackson's defaults, except that unknown
 * properties are ignored (so producers may add fields) and anything after the first JSON value is
 * an error. A supplied {@link ObjectMapper} may be shared between serdes, but is used as it is
 * configured when the serde is built. Polymorphic default typing is never enabled, and a mapper
 * that has it activated is refused, because it would let a payload choose which Java class gets
 * instantiated.
 *
 * <p>{@code null} serializes to {@code null} and back. Values are written with their runtime
 * class. A payload that is not valid JSON for the target type (including an empty payload) raises
 * a {@link org.apache.kafka.common.errors.SerializationException} naming the topic, the target
 * type, Jackson's reason and the first bytes of the payload, in hex and as text; so does a value
 * Jackson cannot write.
 *
 * @param <T> the value type
 */
public final class JsonSerde<T> extends Serdes.WrapperSerde<T> {

  /**
   * A serde for {@code type} on the shared default mapper.
   *
   * @throws NullPointerException if {@code type} is null
   */
  public JsonSerde(Class<T> type) {
    this(type, JsonMappers.defaultMapper());
  }

  /**
   * A serde for a generic type, e.g. {@code new JsonSerde<>(new TypeReference<List<Order>>() {})},
   * on the shared default mapper.
   *
   * @throws NullPointerException if {@code type} is null
   */
  public JsonSerde(TypeReference<T> type) {
    this(type, JsonMappers.defaultMapper());
  }

  /**
   * A serde for {@code type} on {@code mapper}.
   *
   * @throws IllegalArgumentException if {@code mapper} has polymorphic default typing activated
   * @throws NullPointerException if an argument is null
   */
  public JsonSerde(Class<T> type, ObjectMapper mapper) {
    this(mapper, resolve(mapper, type));
  }

  /**
   * A serde for a generic type on {@code mapper}.
   *
   * @throws IllegalArgumentException if {@code mapper} has polymorphic default typing activated
   * @throws NullPointerException if an argument is null
   */
  public JsonSerde(TypeReference<T> type, ObjectMapper mapper) {
    this(mapper, resolve(mapper, type));
  }

  private JsonSerde(ObjectMapper mapper, JavaType type) {
    super(
        new JsonSerializer<>(mapper.writer()),
        new JsonDeserializer<>(mapper.readerFor(type), type.toCanonical()));
  }

  private static JavaType resolve(ObjectMapper mapper, Class<?> type) {
    return checked(mapper).constructType(Objects.requireNonNull(type, "type"));
  }

  private static JavaType resolve(ObjectMapper mapper, TypeReference<?> type) {
    return checked(mapper).constructType(Objects.requireNonNull(type, "type"));
  }

  private static ObjectMapper checked(ObjectMapper mapper) {
    return JsonMappers.requireNoDefaultTyping(Objects.requireNonNull(mapper, "mapper"));
  }
}
