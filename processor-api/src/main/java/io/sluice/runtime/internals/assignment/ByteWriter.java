package io.sluice.runtime.internals.assignment;

import io.sluice.state.TaskId;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;

/** Writes the primitives of the assignment formats; {@link ByteReader} reads them back. */
final class ByteWriter {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final DataOutputStream out = new DataOutputStream(bytes);

  ByteWriter writeByte(int value) {
    return run(() -> out.writeByte(value));
  }

  ByteWriter writeInt(int value) {
    return run(() -> out.writeInt(value));
  }

  ByteWriter writeLong(long value) {
    return run(() -> out.writeLong(value));
  }

  ByteWriter writeUuid(UUID id) {
    return writeLong(id.getMostSignificantBits()).writeLong(id.getLeastSignificantBits());
  }

  /** Writes a flag byte then, if present, the UTF-8 length and bytes. */
  ByteWriter writeNullableString(String value) {
    if (value == null) {
      return writeByte(0);
    }
    writeByte(1);
    return writeString(value);
  }

  ByteWriter writeString(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    writeInt(utf8.length);
    return run(() -> out.write(utf8));
  }

  ByteWriter writeTaskId(TaskId id) {
    return writeInt(id.subtopology()).writeInt(id.partition());
  }

  ByteWriter writeTaskIds(Set<TaskId> ids) {
    writeInt(ids.size());
    new TreeSet<>(ids).forEach(this::writeTaskId);
    return this;
  }

  /** Writes partitions grouped by topic: topic count, then per topic its name and partitions. */
  ByteWriter writePartitions(Set<TopicPartition> partitions) {
    Map<String, TreeSet<Integer>> byTopic = new TreeMap<>();
    for (TopicPartition tp : partitions) {
      byTopic.computeIfAbsent(tp.topic(), t -> new TreeSet<>()).add(tp.partition());
    }
    writeInt(byTopic.size());
    byTopic.forEach((topic, numbers) -> {
      writeString(topic);
      writeInt(numbers.size());
      numbers.forEach(this::writeInt);
    });
    return this;
  }

  ByteWriter writeTaskPartitions(Map<TaskId, Set<TopicPartition>> tasks) {
    writeInt(tasks.size());
    new TreeMap<>(tasks).forEach((id, partitions) -> {
      writeTaskId(id);
      writePartitions(partitions);
    });
    return this;
  }

  ByteWriter writeHostPartitions(Map<String, Set<TopicPartition>> byHost) {
    writeInt(byHost.size());
    new TreeMap<>(byHost).forEach((host, partitions) -> {
      writeString(host);
      writePartitions(partitions);
    });
    return this;
  }

  ByteBuffer toBuffer() {
    return ByteBuffer.wrap(bytes.toByteArray());
  }

  private ByteWriter run(IoAction action) {
    try {
      action.run();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return this;
  }

  private interface IoAction {
    void run() throws IOException;
  }
}
