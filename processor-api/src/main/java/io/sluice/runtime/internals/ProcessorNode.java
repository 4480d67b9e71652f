package io.sluice.runtime.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.Record;
import io.sluice.processor.TopologyException;
import io.sluice.runtime.ErrorContext;
import io.sluice.runtime.HandlerResponse;
import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.StreamsException;
import io.sluice.state.internals.ProcessorRecordContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node of a task's processor graph: a processor instance, its children and the stores it may
 * use. Records flow depth-first: {@link #process} returns only after every descendant has handled
 * what this node forwarded.
 */
final class ProcessorNode<KIn, VIn, KOut, VOut> {
  private final String name;
  private final Processor<KIn, VIn, KOut, VOut> processor;
  private final Set<String> storeNames;
  private final Map<String, ProcessorNode<?, ?, ?, ?>> children = new LinkedHashMap<>();
  private final List<ProcessorNode<?, ?, ?, ?>> childList = new ArrayList<>();
  private final boolean source;
  private TaskContext task;

  ProcessorNode(String name, Processor<KIn, VIn, KOut, VOut> processor, Set<String> storeNames) {
    this.name = name;
    this.processor = processor;
    this.storeNames = Set.copyOf(storeNames);
    this.source = processor instanceof SourceProcessor;
  }

  /**
   * Whether this is a source node: its processor is the engine's own, gets records that the task
   * created for it alone, and never looks at a record again after forwarding it.
   */
  boolean isSource() {
    return source;
  }

  String name() {
    return name;
  }

  Set<String> storeNames() {
    return storeNames;
  }

  void addChild(ProcessorNode<?, ?, ?, ?> child) {
    children.put(child.name(), child);
    childList.add(child);
  }

  /** The children in the order they were added; not to be modified. */
  List<ProcessorNode<?, ?, ?, ?>> children() {
    return childList;
  }

  ProcessorNode<?, ?, ?, ?> child(String childName) {
    ProcessorNode<?, ?, ?, ?> child = children.get(childName);
    if (child == null) {
      throw new TopologyException(
          "Processor '" + name + "' forwarded to child '" + childName + "', but its children are "
              + children.keySet() + "; use one of those names or forward to all children");
    }
    return child;
  }

  void init(TaskContext taskContext) {
    this.task = taskContext;
    processor.init(new ProcessorContextImpl<>(this, taskContext));
  }

  void close() {
    processor.close();
  }

  /**
   * Hands a record to the processor. The graph is wired by node name, so the record's types are
   * whatever the parent produced; the user's topology promises they match.
   */
  @SuppressWarnings("unchecked") // wiring by name erases types; see the method comment
  void processUntyped(Record<?, ?> record) {
    process((Record<KIn, VIn>) record);
  }

  void process(Record<KIn, VIn> record) {
    try {
      processor.process(record);
    } catch (StreamsException | TopologyException e) {
      throw e;
    } catch (RuntimeException e) {
      ProcessorRecordContext rc = task.recordContext();
      ErrorContext where = rc == null
          ? new ErrorContext(task.taskId(), name, null, -1, -1L)
          : new ErrorContext(task.taskId(), name, rc.topic(), rc.partition(), rc.offset());
      HandlerResponse response = task.config().processingHandler().handle(where, record, e);
      if (response == HandlerResponse.FAIL) {
        throw new StreamsException("Processor '" + name + "' failed (" + where + "): " + e
            + "; set processing.exception.handler to skip such records", e);
      }
      if (response == HandlerResponse.DEAD_LETTER) {
        task.deadLetters().send(StreamsConfig.PROCESSING_EXCEPTION_HANDLER, where,
            task.currentRawRecord(), e, task.wallClockMs());
      }
      task.taskMetrics().recordDropped();
    }
  }
}
