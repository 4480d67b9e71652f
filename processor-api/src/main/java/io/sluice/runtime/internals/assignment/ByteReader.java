package io.sluice.runtime.internals.assignment;

import io.sluice.state.TaskId;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads what {@link ByteWriter} wrote, checking every length against the bytes left so corrupt
 * input fails with a {@link FormatException} instead of running out of memory or bounds.
 */
final class ByteReader {
  private final ByteBuffer in;
  private final String what;

  /** @param what names the format in error messages, e.g. "subscription" */
  ByteReader(ByteBuffer buffer, String what) {
    this.in = buffer.duplicate();
    this.what = what;
  }

  int readByte() {
    need(1);
    return in.get() & 0xFF;
  }

  int readInt() {
    need(4);
    return in.getInt();
  }

  long readLong() {
    need(8);
    return in.getLong();
  }

  UUID readUuid() {
    return new UUID(readLong(), readLong());
  }

  String readNullableString() {
    int flag = readByte();
    if (flag == 0) {
      return null;
    }
    if (flag != 1) {
      throw corrupt("a null flag of " + flag + " (expected 0 or 1)");
    }
    return readString();
  }

  String readString() {
    int length = readCount(1);
    byte[] utf8 = new byte[length];
    in.get(utf8);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8)).toString();
    } catch (CharacterCodingException e) {
      throw corrupt("a string that is not valid UTF-8");
    }
  }

  TaskId readTaskId() {
    int subtopology = readInt();
    int partition = readInt();
    if (subtopology < 0 || partition < 0) {
      throw corrupt("task id " + subtopology + "_" + partition);
    }
    return new TaskId(subtopology, partition);
  }

  Set<TaskId> readTaskIds() {
    int count = readCount(8);
    Set<TaskId> ids = new HashSet<>();
    for (int i = 0; i < count; i++) {
      ids.add(readTaskId());
    }
    return ids;
  }

  Set<TopicPartition> readPartitions() {
    int topics = readCount(8);
    Set<TopicPartition> partitions = new HashSet<>();
    for (int t = 0; t < topics; t++) {
      String topic = readString();
      int count = readCount(4);
      for (int i = 0; i < count; i++) {
        int partition = readInt();
        if (partition < 0) {
          throw corrupt("partition " + partition + " of topic " + topic);
        }
        partitions.add(new TopicPartition(topic, partition));
      }
    }
    return partitions;
  }

  Map<TaskId, Set<TopicPartition>> readTaskPartitions() {
    int count = readCount(12);
    Map<TaskId, Set<TopicPartition>> tasks = new HashMap<>();
    for (int i = 0; i < count; i++) {
      tasks.put(readTaskId(), readPartitions());
    }
    return tasks;
  }

  Map<String, Set<TopicPartition>> readHostPartitions() {
    int count = readCount(8);
    Map<String, Set<TopicPartition>> byHost = new HashMap<>();
    for (int i = 0; i < count; i++) {
      byHost.put(readString(), readPartitions());
    }
    return byHost;
  }

  /** @throws FormatException if bytes are left over */
  void requireEnd() {
    if (in.hasRemaining()) {
      throw corrupt(in.remaining() + " unread bytes at the end");
    }
  }

  /** Reads a count of items of at least {@code minBytes} each, checked against what is left. */
  int readCount(int minBytes) {
    int count = readInt();
    if (count < 0 || (long) count * minBytes > in.remaining()) {
      throw corrupt("a count of " + count + " with only " + in.remaining() + " bytes left");
    }
    return count;
  }

  private void need(int bytes) {
    if (in.remaining() < bytes) {
      throw corrupt("truncated data (needed " + bytes + " more bytes at offset " + in.position()
          + ")");
    }
  }

  FormatException corrupt(String detail) {
    return new FormatException("Cannot read the Sluice " + what + ": " + detail
        + "; the bytes are corrupt or were written by an incompatible Sluice release");
  }
}
