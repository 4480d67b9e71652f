package io.sluice.examples;

import io.sluice.processor.Topology;
import io.sluice.testkit.TopologyTestDriver;
import java.util.Properties;
import java.util.function.Function;

/** Test drivers for the examples' topologies, in each store and cache variant. */
public final class ExampleDrivers {
  private ExampleDrivers() {}

  /**
   * A driver for the topology {@code build} makes, with {@code default.dsl.store}, {@code
   * statestore.cache.max.bytes} and {@code ensure.explicit.internal.resource.naming=true}, so
   * that an unnamed stateful operator fails the test.
   */
  public static TopologyTestDriver start(String applicationId, String storeType, long cacheBytes,
      Function<Properties, Topology> build) {
    Properties props = new Properties();
    props.put("application.id", applicationId);
    props.put("default.dsl.store", storeType);
    props.put("statestore.cache.max.bytes", cacheBytes);
    props.put("ensure.explicit.internal.resource.naming", true);
    return new TopologyTestDriver(build.apply(props), props);
  }
}
