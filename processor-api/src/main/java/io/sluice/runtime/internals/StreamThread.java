package io.sluice.runtime.internals;

import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.StreamsUncaughtExceptionHandler.Response;
import io.sluice.runtime.internals.assignment.AssignmentException;
import io.sluice.runtime.internals.assignment.AssignmentInfo;
import io.sluice.runtime.internals.assignment.AssignorContext;
import io.sluice.runtime.internals.query.LocalTasks;
import io.sluice.state.StateRestoreListener;
import io.sluice.state.internals.ThreadCache;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream thread: a group member running its share of the active tasks. Each loop turn polls
 * the main consumer, buffers the records in their tasks (pausing partitions over the buffer
 * limit), advances restoration, processes depth-first with stream-time punctuation, runs
 * wall-clock punctuation, resumes drained partitions and commits every {@code
 * commit.interval.ms} (or when a processor asks).
 *
 * <p>Collaborators: {@link TaskManager} (tasks), {@link Committer} (the guarantee's commit path
 * and the producer), {@link RestoreCoordinator} (restoration), {@link RebalanceListener}
 * (rebalances), {@link OffsetResetter} (per-topic offset reset). A {@link TaskMigratedException}
 * closes every task dirty and rejoins the group with a fresh subscription; any other failure ends
 * the thread, after which its {@link Owner} decides what happens next.
 */
public final class StreamThread extends Thread {
  private static final Logger LOG = LoggerFactory.getLogger(StreamThread.class);
  /** The main consumer's partition assignor. */
  static final String ASSIGNOR_CLASS = "io.sluice.runtime.internals.assignment.SluiceAssignor";
  private static final Duration RESTORE_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /** What the application does with a thread's life events. */
  public interface Owner {
    /** The thread moved from {@code old} to {@code now}. */
    void onThreadStateChange(StreamThread thread, ThreadState old, ThreadState now);

    /**
     * The thread failed with {@code error} (not fatal, not a migration); called on the failing
     * thread before it cleans up, so it can still reach the group.
     */
    Response onThreadError(StreamThread thread, Throwable error);

    /** The thread stopped; {@code error} is null after a requested shutdown. */
    void onThreadDead(StreamThread thread, Throwable error, Response response);
  }

  private final InstanceContext instance;
  private final int index;
  private final Owner owner;
  private final Time time;
  private final long commitIntervalMs;
  private final Duration pollTime;
  private final ThreadCache cache;
  private final Consumer<byte[], byte[]> consumer;
  private final Consumer<byte[], byte[]> restoreConsumer;
  private final ThreadAssignorContext assignor;
  private final TaskFactory factory;
  private final StateRestoreListener restoreListener;
  private final OffsetResetter offsets;
  /** The longest a commit waits for a rebalance to finish (half the transaction timeout). */
  private long maxCommitDeferralMs = Long.MAX_VALUE;
  /** How often unassigned task directories older than state.cleanup.delay.ms are deleted. */
  private final long cleanupIntervalMs;
  private volatile ThreadState state = ThreadState.CREATED;
  /** How long a thread that asked the group to shut down stays in it after the answer, in ms. */
  private static final long SHUTDOWN_LINGER_MS = 5_000L;
  private volatile boolean shutdownRequested;
  private volatile boolean rebalanceRequested;
  private volatile long pendingCacheBytes = -1L;
  private Committer committer;
  private TaskManager tasks;
  private RestoreCoordinator restorer;
  private RebalanceListener listener;
  private long lastCommitMs;
  private long lastCleanupMs;
  private long probingRebalanceAtMs = AssignmentInfo.NO_PROBING;
  private RepartitionPurger purger;
  private volatile LocalTasks localTasks = new LocalTasks();
  private final ThreadMetrics threadMetrics;
  private final TaskLagMetrics lagMetrics;

  /**
   * Creates the thread and its consumers (the producer is created when it starts).
   *
   * @param index the thread's index within the instance (part of its transactional id)
   * @param cacheBytes this thread's share of {@code statestore.cache.max.bytes}
   */
  public StreamThread(InstanceContext instance, int index, long cacheBytes, Owner owner,
      StateRestoreListener restoreListener) {
    super(instance.clientIdPrefix() + "-StreamThread-" + index);
    this.instance = instance;
    this.index = index;
    this.owner = owner;
    this.restoreListener = restoreListener;
    this.time = instance.time();
    StreamsConfig config = instance.config();
    this.commitIntervalMs = config.getLong(StreamsConfig.COMMIT_INTERVAL_MS);
    this.pollTime = Duration.ofMillis(config.getLong(StreamsConfig.POLL_MS));
    this.cleanupIntervalMs =
        Math.max(config.getLong(StreamsConfig.STATE_CLEANUP_DELAY_MS) / 2, 1_000L);
    this.cache = new ThreadCache(cacheBytes, instance.metrics(), getName());
    this.threadMetrics = new ThreadMetrics(instance.metrics(), getName());
    this.lagMetrics = new TaskLagMetrics(instance.metrics());
    this.assignor = new ThreadAssignorContext(instance, () -> tasks);
    Map<String, Object> main = config.mainConsumerConfigs(instance.applicationId(),
        getName() + "-consumer");
    main.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, ASSIGNOR_CLASS);
    main.put(AssignorContext.CONFIG_KEY, assignor);
    StaticMembership.perThread(main, index);
    // Neither may subscribing create internal topics (the assignor does) nor a fetch create a
    // missing source topic (the assignor must see it missing).
    main.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    OffsetResetPolicies policies = OffsetResetPolicies.forMainConsumer(instance.topology(), main);
    this.consumer = instance.clients().getConsumer(main);
    this.offsets = new OffsetResetter(consumer, policies, time, instance.applicationId());
    Map<String, Object> restore = config.restoreConsumerConfigs(getName() + "-restore-consumer");
    restore.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    this.restoreConsumer = instance.clients().getRestoreConsumer(restore);
    this.factory = new TaskFactory(instance.topology().builder(), instance.engine(),
        instance.stateDirectory(), time, instance.globalStores(), cache);
  }

  /** Sets the instance's interactive-query registry; call before {@link #start}. */
  public void setLocalTasks(LocalTasks localTasks) {
    this.localTasks = localTasks;
  }

  /** The thread's index within the instance. */
  public int index() {
    return index;
  }

  /** The thread's state. */
  public ThreadState state() {
    return state;
  }

  /**
   * Asks the thread to commit, close its tasks clean and stop; returns at once. The thread sees
   * the request within one poll ({@code poll.ms}).
   */
  public void shutdown() {
    shutdownRequested = true;
  }

  /** Asks the thread to trigger a rebalance of the group (for a shutdown request). */
  public void requestRebalance() {
    rebalanceRequested = true;
  }

  /** Sets this thread's share of the cache; applied by the thread at its next loop turn. */
  public void resizeCache(long bytes) {
    pendingCacheBytes = bytes;
  }

  private void setState(ThreadState target) {
    ThreadState old = state;
    if (old == target && target != ThreadState.PARTITIONS_ASSIGNED) {
      return;
    }
    if (!old.canTransitionTo(target)) {
      LOG.debug("{}: ignoring transition {} -> {}", getName(), old, target);
      return;
    }
    state = target;
    owner.onThreadStateChange(this, old, target);
  }

  @Override
  public void run() {
    Throwable error = null;
    Response response = null;
    try {
      setState(ThreadState.STARTING);
      initialize();
      while (!shutdownRequested) {
        try {
          runOnce();
        } catch (TaskMigratedException e) {
          handleMigration(e);
        }
      }
    } catch (Throwable e) {
      error = e;
    }
    if (error != null) {
      response = FatalErrors.isFatal(error) ? Response.SHUTDOWN_CLIENT
          : owner.onThreadError(this, error);
      LOG.error("{} failed: {}", getName(), error.toString(), error);
    }
    setState(ThreadState.PENDING_SHUTDOWN);
    shutdownTasks(error == null);
    if (response == Response.SHUTDOWN_APPLICATION) {
      askGroupToShutDown();
    }
    closeClients();
    setState(ThreadState.DEAD);
    owner.onThreadDead(this, error, response);
  }

  private void initialize() {
    String appId = instance.applicationId();
    boolean eos = instance.config().exactlyOnce();
    String txnId = eos ? appId + "-" + instance.processId() + "-" + index : null;
    Map<String, Object> producerConfig =
        instance.config().producerConfigs(getName() + "-producer", txnId);
    if (eos) {
      maxCommitDeferralMs = Long.parseLong(String.valueOf(
          producerConfig.get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG))) / 2;
      committer = new EosCommitter(
          () -> instance.clients().getProducer(producerConfig), consumer);
    } else {
      Producer<byte[], byte[]> producer = instance.clients().getProducer(producerConfig);
      committer = new AlosCommitter(producer, consumer);
    }
    StoreChangelogReader reader = new StoreChangelogReader(restoreConsumer, restoreListener,
        instance.metrics(), RESTORE_REQUEST_TIMEOUT);
    restorer = new RestoreCoordinator(reader, consumer, Math.max(commitIntervalMs, 1_000L));
    tasks = new TaskManager(factory, instance.stateDirectory(), committer, restorer, consumer,
        instance.config().getInt(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION));
    tasks.setLocalTasks(localTasks);
    listener = new RebalanceListener(tasks, committer, assignor, new TaskGrouping(factory),
        () -> setState(ThreadState.PARTITIONS_ASSIGNED));
    purger = new RepartitionPurger(instance.admin(),
        instance.topology().repartitionTopics().keySet(),
        instance.config().getLong(StreamsConfig.REPARTITION_PURGE_INTERVAL_MS), time.milliseconds());
    subscribe();
    lastCommitMs = time.milliseconds();
    lastCleanupMs = lastCommitMs;
  }

  private void subscribe() {
    if (instance.topology().hasPatternSources()) {
      consumer.subscribe(instance.topology().subscriptionPattern(), listener);
    } else {
      consumer.subscribe(instance.topology().sourceTopics(), listener);
    }
  }

  private void runOnce() {
    applyCacheResize();
    if (rebalanceRequested) {
      rebalanceRequested = false;
      consumer.enforceRebalance("an instance of the application asked all to shut down");
    }
    boolean busy = restorer.active() || tasks.hasBuffered();
    // (standbys alone do not make the thread busy: they are updated between polls)
    long pollStart = time.milliseconds();
    ConsumerRecords<byte[], byte[]> records = offsets.poll(busy ? Duration.ZERO : pollTime);
    threadMetrics.recordPoll(time.milliseconds() - pollStart);
    listener.rethrowFailure();
    checkAssignment();
    tasks.addRecords(records);
    if (restorer.hasWork()) {
      restorer.refreshStandbys(time.milliseconds());
      boolean waitForRestore = restorer.active() && !tasks.hasBuffered();
      localTasks.restored(
          restorer.restoreOnce(waitForRestore ? pollTime : Duration.ZERO, time.milliseconds()));
    }
    if (!restorer.active() && state == ThreadState.PARTITIONS_ASSIGNED) {
      setState(ThreadState.RUNNING);
    }
    long start = time.milliseconds();
    int processed = 0;
    int round;
    do {
      // Keep processing what is buffered for up to one poll interval, then poll again.
      round = tasks.process(time.milliseconds());
      processed += round;
    } while (round > 0 && time.milliseconds() - start < pollTime.toMillis()
        && !shutdownRequested);
    long punctuateStart = time.milliseconds();
    threadMetrics.recordProcess(processed, punctuateStart - start);
    if (tasks.punctuateWallClock() > 0) {
      threadMetrics.recordPunctuate(time.milliseconds() - punctuateStart);
    }
    tasks.resumeDrained();
    maybeCommit();
    long now = time.milliseconds();
    if (now - lastCleanupMs >= cleanupIntervalMs) {
      lastCleanupMs = now;
      instance.stateDirectory().cleanRemovedTasks(now);
    }
  }

  private void checkAssignment() {
    if (!assignor.takeFresh()) {
      return;
    }
    AssignmentInfo info = assignor.assignment();
    localTasks.onAssignment(info);
    if (info.errorCode() != AssignmentInfo.ERROR_NONE) {
      throw new AssignmentException(info.errorCode(), info.errorMessage());
    }
    long probeAt = info.nextProbingTimeMs();
    if (probeAt != AssignmentInfo.NO_PROBING) {
      probingRebalanceAtMs = probeAt;
    }
  }

  private void maybeCommit() {
    long now = time.milliseconds();
    if (probingRebalanceAtMs != AssignmentInfo.NO_PROBING && now >= probingRebalanceAtMs) {
      probingRebalanceAtMs = AssignmentInfo.NO_PROBING;
      consumer.enforceRebalance("probing rebalance: warm-up replicas may have caught up");
    }
    if (assignor.rebalanceInProgress() && now - lastCommitMs < maxCommitDeferralMs) {
      // A commit now may fail on a stale generation (and under exactly-once abort the
      // transaction); the rebalance listener commits what is revoked, the rest waits, but under
      // exactly-once no longer than half the transaction timeout, or the broker aborts it.
      return;
    }
    if (now - lastCommitMs >= commitIntervalMs || tasks.takeCommitRequests()) {
      purger.committed(committer.commit(tasks.tasks()));
      threadMetrics.recordCommit(time.milliseconds() - now);
      threadMetrics.tasks(tasks.taskIds().size(), tasks.standbyIds().size());
      lagMetrics.update(tasks.tasks(), consumer);
      lastCommitMs = now;
    }
    purger.maybePurge(now);
  }

  private void applyCacheResize() {
    long bytes = pendingCacheBytes;
    if (bytes >= 0) {
      pendingCacheBytes = -1L;
      cache.resize(bytes);
    }
  }

  /**
   * The tasks may have moved (a fenced producer, a stale generation): drop them without
   * committing, rewind the partitions the consumer still owns to their committed offsets, and
   * create their tasks again (restoring to the committed state). The member stays in the group,
   * keeping its assignment and its stickiness; if the partitions did move, the consumer's next
   * poll rejoins and the rebalance revokes them.
   */
  private void handleMigration(TaskMigratedException e) {
    LOG.warn("{}: {}", getName(), e.getMessage());
    committer.abortAfterFailure();
    tasks.closeDirty(tasks.tasks());
    try {
      listener.rethrowFailure();
    } catch (TaskMigratedException alreadyHandled) {
      LOG.debug("{}: the rebalance listener saw the same migration", getName());
    }
    Set<TopicPartition> owned = consumer.assignment();
    if (!owned.isEmpty()) {
      offsets.rewindToCommitted(owned);
      listener.createAssignedTasks();
    }
    setState(ThreadState.PARTITIONS_ASSIGNED);
  }

  private void shutdownTasks(boolean clean) {
    if (tasks == null) {
      return;
    }
    try {
      tasks.closeStandbys();
    } catch (RuntimeException e) {
      LOG.warn("{}: closing the standby tasks failed", getName(), e);
    }
    if (clean) {
      try {
        committer.commit(tasks.tasks());
        tasks.closeClean(tasks.tasks());
        return;
      } catch (RuntimeException e) {
        LOG.warn("{}: the final commit failed; closing the tasks dirty", getName(), e);
      }
    }
    try {
      committer.abortAfterFailure();
    } catch (RuntimeException e) {
      LOG.debug("{}: aborting after failure failed", getName(), e);
    }
    tasks.closeDirty(tasks.tasks());
  }

  /**
   * Sets the instance's shutdown request and makes the group rebalance, so the leader sends
   * every member the shutdown code; waits up to one session timeout for that assignment.
   */
  private void askGroupToShutDown() {
    instance.shutdownRequest().set(AssignmentInfo.ERROR_SHUTDOWN_APPLICATION);
    try {
      consumer.enforceRebalance("shutdown of the whole application requested");
      long deadline = time.milliseconds() + 30_000L;
      long stayUntil = Long.MAX_VALUE;
      while (time.milliseconds() < Math.min(deadline, stayUntil)) {
        offsets.pollWhileLeaving(Duration.ofMillis(100));
        if (!assignor.takeFresh()) {
          continue;
        }
        if (assignor.assignment().errorCode() == AssignmentInfo.ERROR_SHUTDOWN_APPLICATION) {
          // Stay in the group a little longer: leaving at once would start a rebalance before
          // slower members finished syncing, and they would miss the code; any rebalance in
          // this time carries the request again.
          stayUntil = time.milliseconds() + SHUTDOWN_LINGER_MS;
          continue;
        }
        // That rebalance had started before the request (its subscription lacked it): again.
        consumer.enforceRebalance("shutdown of the whole application requested");
      }
      if (stayUntil != Long.MAX_VALUE) {
        return;
      }
      LOG.warn("{}: no assignment carrying the shutdown request arrived within 30 s", getName());
    } catch (RuntimeException e) {
      LOG.warn("{}: could not ask the group to shut down", getName(), e);
    }
  }

  /** The metrics of this thread's consumers (the main and the restore consumer). */
  public Map<MetricName, ? extends Metric> clientMetrics() {
    Map<MetricName, Metric> all = new java.util.HashMap<>(consumer.metrics());
    all.putAll(restoreConsumer.metrics());
    return all;
  }

  private void closeClients() {
    threadMetrics.close();
    lagMetrics.close();
    if (restorer != null) {
      restorer.close();
    }
    if (committer != null) {
      committer.close();
    }
    closeQuietly(consumer);
    closeQuietly(restoreConsumer);
    cache.close();
  }

  private void closeQuietly(Consumer<byte[], byte[]> client) {
    try {
      client.close();
    } catch (RuntimeException e) {
      LOG.debug("{}: closing a consumer failed", getName(), e);
    }
  }
}
