package io.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.it.apps.PassThroughMain;
import io.sluice.it.harness.ChildJvm;
import io.sluice.it.harness.ChildJvms;
import io.sluice.it.harness.ChildProtocol;
import io.sluice.it.harness.ErrorLog;
import io.sluice.it.harness.ItSettings;
import io.sluice.runtime.StreamsConfig;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source topic that does not exist puts the application in ERROR, with an error naming the
 * topic, instead of a silent hang. The application runs in a child JVM so the test can read the
 * error as a user would, in its log.
 */
class MissingSourceTopicIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  @RegisterExtension final ChildJvms children = new ChildJvms();
  @TempDir Path tmp;

  @BeforeEach
  void names(TestInfo info) {
    children.naming(getClass(), info.getDisplayName());
  }

  @Test
  void aMissingSourceTopicIsAnErrorNamingIt() {
    KafkaCluster kafka = KAFKA.cluster();
    String app = ItSettings.unique("missing");
    String present = kafka.createTopic(app + "-present", 1, 1, Map.of());
    String missing = app + "-never-created";
    String output = kafka.createTopic(app + "-out", 1, 1, Map.of());
    Properties props = ItSettings.app(kafka, app, tmp.resolve("state"),
        StreamsConfig.AT_LEAST_ONCE);
    props.setProperty("it.inputs", present + "," + missing);
    props.setProperty("it.output", output);
    ChildJvm child = children.start("app", PassThroughMain.class,
        ItSettings.write(props, tmp.resolve("app.properties")));
    child.awaitLine(ChildProtocol.stateLine("ERROR"), Duration.ofSeconds(60), "state ERROR");
    assertThat(ErrorLog.errorLines(child)).as("error lines of %s", child.logFile())
        .anyMatch(line -> line.contains(missing));
  }
}
