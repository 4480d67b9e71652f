package io.sluice.runtime.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.StreamsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/configuration.md} equal to what {@link ConfigReference} generates from the
 * definitions; {@code -Dsluice.docs.update=true} rewrites the file instead of failing.
 */
class ConfigReferenceTest {
  private static final Path DOC = Path.of("..", "docs", "configuration.md");

  @Test
  void theDocumentedReferenceMatchesTheDefinitions() throws IOException {
    String generated = ConfigReference.markdown(StreamsConfig.configDef());
    if (Boolean.getBoolean("sluice.docs.update")) {
      Files.writeString(DOC, generated);
    }
    assertThat(DOC).as("docs/configuration.md is stale: rerun this test with"
        + " -Dsluice.docs.update=true").hasContent(generated);
  }

  @Test
  void everySettingAppearsWithItsDefaultAndValidValues() {
    String generated = ConfigReference.markdown(StreamsConfig.configDef());
    for (String name : StreamsConfig.configDef().names()) {
      assertThat(generated).contains("### `" + name + "`");
    }
    assertThat(generated).contains("- Default: none (required)")
        .contains("- Valid values: [at_least_once, exactly_once_v2]");
  }
}
