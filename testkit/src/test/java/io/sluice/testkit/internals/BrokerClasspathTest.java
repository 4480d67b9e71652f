package io.sluice.testkit.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerClasspathTest {

  @Test
  void cacheRoundTripsWhileEveryJarExists(@TempDir Path dir) throws Exception {
    Path a = Files.createFile(dir.resolve("a.jar"));
    Path b = Files.createFile(dir.resolve("b.jar"));
    Path cache = BrokerClasspath.cacheFile(dir.resolve("repo"), "4.3.1");

    BrokerClasspath.writeCache(cache, List.of(a, b));

    assertThat(cache.getFileName().toString()).isEqualTo("kafka_2.13-4.3.1.classpath");
    assertThat(BrokerClasspath.readCache(cache)).contains(List.of(a, b));
    Files.delete(b);
    assertThat(BrokerClasspath.readCache(cache)).isEmpty();
  }

  @Test
  void missingCacheIsEmpty(@TempDir Path dir) {
    assertThat(BrokerClasspath.readCache(dir.resolve("none.classpath"))).isEmpty();
  }

  @Test
  void malformedVersionsAreRejectedBeforeAnyResolution() {
    assertThatThrownBy(() -> BrokerClasspath.forVersion("4.3.1/../../etc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4.3.1/../../etc");
  }
}
