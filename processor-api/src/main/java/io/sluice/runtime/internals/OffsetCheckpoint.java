package io.sluice.runtime.internals;

import io.sluice.state.StateStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * A task's checkpoint file: for each changelog partition, the offset from which restoration
 * resumes. Text format, version {@value #VERSION}: a version line, a count line, then one line
 * {@code <topic> <partition> <offset>} per entry. Written to a temporary file and renamed over the
 * old one, so a crash leaves either the old or the new file.
 */
final class OffsetCheckpoint {
  static final int VERSION = 0;

  private final Path file;

  OffsetCheckpoint(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  void write(Map<TopicPartition, Long> offsets) {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Map<String, Long> sorted = new TreeMap<>();
    offsets.forEach((tp, offset) -> sorted.put(tp.topic() + " " + tp.partition(), offset));
    StringBuilder text = new StringBuilder().append(VERSION).append('\n')
        .append(sorted.size()).append('\n');
    sorted.forEach((tp, offset) -> text.append(tp).append(' ').append(offset).append('\n'));
    // Synced before the rename: after an OS crash the renamed file must hold the whole content,
    // or it would read as corrupt and every logged store of the task would restore in full.
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        out.write(bytes);
      }
      out.force(true);
    } catch (IOException e) {
      throw new StateStoreException("Cannot write checkpoint file " + temp + ": " + e, e);
    }
    try {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StateStoreException("Cannot move " + temp + " to " + file + ": " + e, e);
    }
  }

  /**
   * The offsets in the file; empty if there is no file.
   *
   * @throws StateStoreException if the file is unreadable or corrupt; the message names the file
   *     and the bad line
   */
  Map<TopicPartition, Long> read() {
    List<String> lines;
    try {
      lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Map.of();
    } catch (IOException e) {
      throw new StateStoreException("Cannot read checkpoint file " + file + ": " + e, e);
    }
    lines.removeIf(String::isBlank);
    if (lines.size() < 2 || !lines.get(0).trim().equals(String.valueOf(VERSION))) {
      throw corrupt(lines.isEmpty() ? "<empty>" : lines.get(0),
          "the first line must be the version " + VERSION);
    }
    int count = parseInt(lines.get(1), lines.get(1));
    if (count != lines.size() - 2) {
      throw corrupt(lines.get(1), "it announces " + count + " entries but "
          + (lines.size() - 2) + " follow");
    }
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (String line : lines.subList(2, lines.size())) {
      String[] parts = line.trim().split(" ");
      if (parts.length != 3) {
        throw corrupt(line, "entries must read '<topic> <partition> <offset>'");
      }
      long offset = parseLong(line, parts[2]);
      if (offset < 0) {
        throw corrupt(line, "offsets must be >= 0");
      }
      offsets.put(new TopicPartition(parts[0], parseInt(line, parts[1])), offset);
    }
    return offsets;
  }

  private int parseInt(String line, String number) {
    long value = parseLong(line, number);
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw corrupt(line, "'" + number + "' is not a valid count or partition");
    }
    return (int) value;
  }

  private long parseLong(String line, String number) {
    try {
      return Long.parseLong(number.trim());
    } catch (NumberFormatException e) {
      throw corrupt(line, "'" + number + "' is not a number");
    }
  }

  private StateStoreException corrupt(String line, String why) {
    return new StateStoreException("Checkpoint file " + file + " is corrupt at line '" + line
        + "': " + why + ". Delete the file (the task then restores its stores from the"
        + " changelogs)");
  }

  void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new StateStoreException("Cannot delete checkpoint file " + file + ": " + e, e);
    }
  }
}
