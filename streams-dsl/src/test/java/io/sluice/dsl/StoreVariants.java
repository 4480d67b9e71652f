package io.sluice.dsl;

import java.util.Properties;
import java.util.stream.Stream;

/** The store-type and caching matrix, for tests outside this package. */
public final class StoreVariants {
  private StoreVariants() {}

  /** @return the settings of each cell of {@link StoreVariant#all()} */
  public static Stream<Properties> props() {
    return StoreVariant.all().map(StoreVariant::props);
  }
}
