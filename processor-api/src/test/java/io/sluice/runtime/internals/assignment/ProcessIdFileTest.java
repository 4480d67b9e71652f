package io.sluice.runtime.internals.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessIdFileTest {
  @TempDir Path stateDir;

  @Test
  void createsAnIdOnceAndReadsTheSameIdLater() throws IOException {
    UUID first = ProcessIdFile.loadOrCreate(stateDir, "app");
    assertThat(ProcessIdFile.loadOrCreate(stateDir, "app")).isEqualTo(first);
    Path file = stateDir.resolve("app").resolve(ProcessIdFile.FILE_NAME);
    assertThat(Files.readString(file)).isEqualTo("1 " + first + "\n");
    try (var files = Files.list(stateDir.resolve("app"))) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void applicationsHaveTheirOwnIds() {
    assertThat(ProcessIdFile.loadOrCreate(stateDir, "a"))
        .isNotEqualTo(ProcessIdFile.loadOrCreate(stateDir, "b"));
  }

  @Test
  void aCorruptFileIsReplacedByANewId() throws IOException {
    Path file = stateDir.resolve("app").resolve(ProcessIdFile.FILE_NAME);
    Files.createDirectories(file.getParent());
    for (String corrupt : new String[] {"", "garbage", "1 not-a-uuid", "2 " + UUID.randomUUID(),
        "1 1-1-1-1-1"}) {
      Files.writeString(file, corrupt, StandardCharsets.UTF_8);
      UUID id = ProcessIdFile.loadOrCreate(stateDir, "app");
      assertThat(Files.readString(file)).isEqualTo("1 " + id + "\n");
      assertThat(ProcessIdFile.loadOrCreate(stateDir, "app")).isEqualTo(id);
    }
  }
}
