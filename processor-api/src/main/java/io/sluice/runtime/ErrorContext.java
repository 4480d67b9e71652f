package io.sluice.runtime;

import io.sluice.state.TaskId;

/**
 * Where a record failed, as handed to exception handlers.
 *
 * @param taskId the task processing the record
 * @param nodeName the source or processor node that failed
 * @param topic the record's source topic, or {@code null} in punctuation
 * @param partition its partition, or -1
 * @param offset its offset, or -1
 */
public record ErrorContext(TaskId taskId, String nodeName, String topic, int partition, long offset) {
  @Override
  public String toString() {
    return "task " + taskId + ", node '" + nodeName + "', topic " + topic + ", partition "
        + partition + ", offset " + offset;
  }
}
