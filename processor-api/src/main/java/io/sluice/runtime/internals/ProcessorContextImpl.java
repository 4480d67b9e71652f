package io.sluice.runtime.internals;

import io.sluice.processor.Cancellable;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.PunctuationType;
import io.sluice.processor.Punctuator;
import io.sluice.processor.Record;
import io.sluice.processor.RecordMetadata;
import io.sluice.processor.TopologyException;
import io.sluice.state.StateStore;
import io.sluice.state.TaskId;
import io.sluice.state.internals.ProcessorRecordContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.serialization.Serde;

/** The context of one processor node in one task. */
final class ProcessorContextImpl<KOut, VOut> implements ProcessorContext<KOut, VOut> {
  private final ProcessorNode<?, ?, KOut, VOut> node;
  private final TaskContext task;

  ProcessorContextImpl(ProcessorNode<?, ?, KOut, VOut> node, TaskContext task) {
    this.node = node;
    this.task = task;
  }

  @Override
  public <K extends KOut, V extends VOut> void forward(Record<K, V> record) {
    List<ProcessorNode<?, ?, ?, ?>> children = node.children();
    int last = children.size() - 1;
    for (int i = 0; i < last; i++) {
      forwardTo(children.get(i), record);
    }
    if (last >= 0) {
      if (node.isSource()) {
        handOver(children.get(last), record);
      } else {
        forwardTo(children.get(last), record);
      }
    }
  }

  @Override
  public <K extends KOut, V extends VOut> void forward(Record<K, V> record, String childName) {
    forwardTo(node.child(childName), record);
  }

  /**
   * Each child gets its own copy of the headers, so a child that changes them changes neither its
   * siblings' nor its parent's record. The record context follows the forwarded record.
   */
  private void forwardTo(ProcessorNode<?, ?, ?, ?> child, Record<?, ?> record) {
    requireRecord(record);
    Headers headers = record.headers();
    // Without headers, fresh empty ones are the copy (no arrays to copy: most records have none).
    deliver(child, record.withHeaders(headers.toArray().length == 0 ? null : headers));
  }

  /**
   * Hands a source node's record to its last child without copying it: the task created that
   * record (and its headers) for the source alone, and the source never reads it again, so no
   * one else can see what the child does to it. This saves a record, a headers copy and a record
   * context per input record.
   */
  private void handOver(ProcessorNode<?, ?, ?, ?> child, Record<?, ?> record) {
    requireRecord(record);
    deliver(child, record);
  }

  /** Fails on a null record; the message is built only then (it cost a string per record). */
  private void requireRecord(Record<?, ?> record) {
    if (record == null) {
      throw new NullPointerException("record forwarded by '" + node.name() + "'");
    }
  }

  private void deliver(ProcessorNode<?, ?, ?, ?> child, Record<?, ?> record) {
    ProcessorRecordContext previous = task.recordContext();
    if (previous == null) {
      task.setRecordContext(
          new ProcessorRecordContext(record.timestamp(), -1L, -1, null, record.headers()));
    } else if (previous.headers() != record.headers()
        || previous.timestamp() != record.timestamp()) {
      task.setRecordContext(new ProcessorRecordContext(record.timestamp(), previous.offset(),
          previous.partition(), previous.topic(), record.headers()));
    }
    try {
      child.processUntyped(record);
    } finally {
      task.setRecordContext(previous);
    }
  }

  @Override
  public Cancellable schedule(Duration interval, PunctuationType type, Punctuator punctuator) {
    Objects.requireNonNull(type, "punctuation type");
    Objects.requireNonNull(punctuator, "punctuator");
    if (interval == null || interval.toMillis() < 1) {
      throw new IllegalArgumentException("Processor '" + node.name()
          + "' scheduled a punctuator every " + interval + "; the interval must be at least 1 ms");
    }
    return task.schedule(node, interval.toMillis(), type, punctuator);
  }

  @Override
  @SuppressWarnings("unchecked") // the caller names the store type it expects; see Javadoc
  public <S extends StateStore> S getStateStore(String name) {
    StateStore store = node.storeNames().contains(name)
        ? task.stateManager().store(name)
        : task.globalStore(name);
    if (store == null) {
      throw new TopologyException(
          "Processor '" + node.name() + "' asked for store '" + name + "', which is not connected"
              + " to it (connected: " + node.storeNames() + "); connect it with"
              + " Topology.addStateStore(builder, \"" + node.name() + "\") or"
              + " connectProcessorAndStateStores(\"" + node.name() + "\", \"" + name + "\")");
    }
    return (S) store;
  }

  @Override
  public Optional<RecordMetadata> recordMetadata() {
    ProcessorRecordContext rc = task.recordContext();
    return rc == null || rc.topic() == null
        ? Optional.empty()
        : Optional.of(new RecordMetadata(rc.topic(), rc.partition(), rc.offset()));
  }

  @Override
  public Metrics metrics() {
    return task.metrics();
  }

  @Override
  public TaskId taskId() {
    return task.taskId();
  }

  @Override
  public String applicationId() {
    return task.applicationId();
  }

  @Override
  public Map<String, Object> appConfigs() {
    return task.appConfigs();
  }

  @Override
  public long currentStreamTimeMs() {
    return task.currentStreamTimeMs();
  }

  @Override
  public long currentSystemTimeMs() {
    return task.wallClockMs();
  }

  @Override
  public void commit() {
    task.requestCommit();
  }

  @Override
  public Serde<?> keySerde() {
    return task.defaultKeySerde();
  }

  @Override
  public Serde<?> valueSerde() {
    return task.defaultValueSerde();
  }
}
