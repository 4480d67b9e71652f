package io.sluice.it.apps;

import io.sluice.processor.Topology;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Child-JVM main of the error tests: copies the topics listed in {@code it.inputs}
 * (comma-separated, one source each) to {@code it.output}; see {@link ChildRunner}.
 */
public final class PassThroughMain {
  private PassThroughMain() {}

  /** The pass-through topology for the settings. */
  public static Topology build(Properties props) {
    Topology topology = new Topology();
    String[] inputs = props.getProperty("it.inputs").split(",");
    String[] sources = new String[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      sources[i] = "source-" + i;
      topology.addSource(sources[i], new StringDeserializer(), new StringDeserializer(),
          inputs[i]);
    }
    return topology.addSink("out", props.getProperty("it.output"), new StringSerializer(),
        new StringSerializer(), sources);
  }

  /** @param args {@code args[0]}: the settings file */
  public static void main(String[] args) throws Exception {
    ChildRunner.run(args, PassThroughMain::build);
  }
}
