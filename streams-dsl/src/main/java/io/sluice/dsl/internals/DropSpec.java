package io.sluice.dsl.internals;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one DSL operator that can drop records shares between all its processor instances: its
 * name, whether a dropped-records side output was attached to it, and the operator-wide state of
 * the rate-limited log line. An operator's graph node creates one and hands it to every processor
 * it creates, each of which wraps it in a {@link DropReporter}; the node registers it with {@link
 * InternalStreamsBuilder#registerDropper}. Use one instance per graph node that hosts reporters:
 * an operator spread over several nodes (a join's two sides) registers one per node under the same
 * operator name.
 *
 * <p>Thread-safety: instances are shared by the tasks of all stream threads. The side output is
 * set while the topology is declared, before any task exists; the log counters are atomic; the
 * "now forwarding a dropped record" mark is per thread, since a record travels depth-first on its
 * task's thread.
 */
public final class DropSpec {
  private final String operatorName;
  private volatile String sideOutputName;
  private final ThreadLocal<boolean[]> forwarding = ThreadLocal.withInitial(() -> new boolean[1]);
  private final AtomicLong unloggedDrops = new AtomicLong();
  private final AtomicLong lastLogMs = new AtomicLong(Long.MIN_VALUE);

  /**
   * @param operatorName the operator's name (the {@code Named} name, or the generated one): the
   *     {@code processor-node-id} metric tag and the {@code sluice.dropped.operator} header
   * @throws NullPointerException if {@code operatorName} is null
   */
  public DropSpec(String operatorName) {
    this.operatorName = Objects.requireNonNull(operatorName, "DropSpec: operatorName");
  }

  /** @return the operator's name */
  public String operatorName() {
    return operatorName;
  }

  /** @return whether {@code droppedRecords(...)} attached a side output to this operator */
  public boolean sideOutputAttached() {
    return sideOutputName != null;
  }

  /**
   * @return the name of the side-output child node ({@code <operator>-dropped}, or with an index
   *     when the operator drops in several nodes), or {@code null} when none is attached
   */
  public String sideOutputName() {
    return sideOutputName;
  }

  /** Called when the side output is declared, before the topology is built. */
  void attachSideOutput(String childName) {
    sideOutputName = childName;
  }

  /** Marks (or unmarks) the current thread as forwarding a dropped record to the side output. */
  void forwardingDropped(boolean value) {
    forwarding.get()[0] = value;
  }

  /**
   * @return whether the record now reaching the side-output node is a dropped one (rather than
   *     the operator's regular output, which reaches every child); clears the mark
   */
  boolean takeForwardingDropped() {
    boolean[] mark = forwarding.get();
    boolean marked = mark[0];
    mark[0] = false;
    return marked;
  }

  /**
   * Counts one drop for the rate-limited log and decides whether to log now.
   *
   * @param nowMs wall-clock time in epoch milliseconds
   * @param intervalMs at least this long between two log lines of this operator
   * @return the number of drops to report in a log line now (this one included), or 0 for none
   */
  long countForLog(long nowMs, long intervalMs) {
    unloggedDrops.incrementAndGet();
    long last = lastLogMs.get();
    if (last != Long.MIN_VALUE && nowMs - last < intervalMs) {
      return 0;
    }
    if (!lastLogMs.compareAndSet(last, nowMs)) {
      return 0;
    }
    return unloggedDrops.getAndSet(0);
  }

  @Override
  public String toString() {
    return "DropSpec(" + operatorName
        + (sideOutputName != null ? ", side output " + sideOutputName : "") + ")";
  }
}
