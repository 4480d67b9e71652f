package io.sluice.serdes.internals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The default Jackson mapper of the JSON serde, and the check that refuses mappers with
 * polymorphic default typing.
 *
 * <p>Why refuse default typing: it makes the payload name the Java class to instantiate, so
 * whoever can write to a topic could make every consumer build arbitrary classes (the gadget
 * deserialization attacks Jackson's own documentation warns about). Polymorphism declared on the
 * user's own types ({@code @JsonTypeInfo} with named subtypes) stays possible.
 */
public final class JsonMappers {

  private static final ObjectMapper DEFAULT =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private JsonMappers() {}

  /**
   * The shared default mapper: Jackson's defaults, except that unknown properties are ignored
   * (so producers can add fields without breaking consumers) and content after the first JSON
   * value is an error. Shared by every serde that is given no mapper; never reconfigure it.
   */
  public static ObjectMapper defaultMapper() {
    return DEFAULT;
  }

  /**
   * Checks that {@code mapper} has no polymorphic default typing activated, for serialization or
   * deserialization.
   *
   * @return {@code mapper}
   * @throws IllegalArgumentException if it has
   */
  public static ObjectMapper requireNoDefaultTyping(ObjectMapper mapper) {
    JavaType anyType = mapper.constructType(Object.class);
    if (mapper.getDeserializationConfig().getDefaultTyper(anyType) != null
        || mapper.getSerializationConfig().getDefaultTyper(anyType) != null) {
      throw new IllegalArgumentException(
          "The ObjectMapper given to the JSON serde has polymorphic default typing activated"
              + " (activateDefaultTyping/enableDefaultTyping), which lets a payload choose the"
              + " Java class to instantiate and is refused; build the mapper without it and"
              + " declare polymorphism on your own types with @JsonTypeInfo and @JsonSubTypes");
    }
    return mapper;
  }
}
