package io.sluice.runtime.internals;

import io.sluice.runtime.StreamsConfig;
import io.sluice.runtime.StreamsException;
import io.sluice.state.StateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the instance's global stores: reads every partition of their source topics with a
 * group-less global consumer and runs each record through the store's processor (the global task
 * of {@link TaskFactory#createGlobal}).
 *
 * <p>Restoration replays through the processor: a global store's changelog is its source topic,
 * but the store holds what the user's processor made of each record (it may transform, filter or
 * enrich), so copying the source bytes into the store could give a state the processor never
 * wrote. Replaying through the processor gives exactly the state the live path gives. For the same
 * reason the local copy is wiped at start and rebuilt from the beginning of the topics, so no
 * checkpoint can disagree with the processor's logic; the cost is a full read of the global topics
 * at every start. {@link #restore} runs to the end offsets taken when it starts, before any stream
 * thread processes.
 */
public final class GlobalStreamThread extends Thread {
  private static final Logger LOG = LoggerFactory.getLogger(GlobalStreamThread.class);
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(60);

  private final StreamTask task;
  private final StateDirectory stateDirectory;
  private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
  private final Duration pollTime;
  private final Time time;
  private final Consumer<Throwable> onFailure;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final CountDownLatch restored = new CountDownLatch(1);
  private volatile boolean shutdownRequested;

  private GlobalStreamThread(String name, StreamTask task, StateDirectory stateDirectory,
      org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer, Duration pollTime,
      Time time, Consumer<Throwable> onFailure) {
    super(name);
    this.task = task;
    this.stateDirectory = stateDirectory;
    this.consumer = consumer;
    this.pollTime = pollTime;
    this.time = time;
    this.onFailure = onFailure;
  }

  /**
   * The global thread of {@code instance}, or empty if the topology has no global stores. Its
   * task directory is locked and wiped; nothing is read yet.
   *
   * @param onFailure called on the global thread if it dies after restoring
   */
  public static Optional<GlobalStreamThread> create(InstanceContext instance,
      Consumer<Throwable> onFailure) {
    EngineConfig engine = instance.engine();
    // The global task never waits for empty partitions: it applies records as they come.
    EngineConfig neverIdle = engine.withMaxTaskIdleMs(-1L);
    TaskFactory factory = new TaskFactory(instance.topology().builder(), neverIdle,
        instance.stateDirectory(), instance.time(), name -> null);
    String name = instance.clientIdPrefix() + "-GlobalStreamThread";
    return factory.createGlobal(new RefusingRecordCollector()).map(task -> {
      Map<String, Object> config =
          instance.config().globalConsumerConfigs(name + "-global-consumer");
      // Whatever auto.offset.reset says: the stores are rebuilt from the beginning, and a log
      // truncated by retention while running goes on from its earliest record, never the end.
      config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer =
          instance.clients().getGlobalConsumer(config);
      return new GlobalStreamThread(name, task, instance.stateDirectory(), consumer,
          Duration.ofMillis(instance.config().getLong(StreamsConfig.POLL_MS)), instance.time(),
          onFailure);
    });
  }

  /** A global store by name, or {@code null}. */
  public StateStore store(String name) {
    return task.store(name);
  }

  /**
   * Starts the thread and waits until it has restored the global stores: opened them empty,
   * assigned every partition of the source topics and applied them up to their end offsets
   * taken at the start.
   *
   * @throws StreamsException if restoration failed (naming the topic if a source topic of a
   *     global store is missing), or the wait was interrupted
   */
  public void startAndRestore() {
    start();
    try {
      restored.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      shutdown();
      throw new StreamsException("Interrupted while the global stores were restoring", e);
    }
    Throwable error = failure.get();
    if (error != null) {
      throw new StreamsException("Restoring the global stores failed: " + error, error);
    }
  }

  private void restore() {
    stateDirectory.lock(task.id());
    stateDirectory.wipe(task.id());
    task.initializeIfNeeded();
    task.completeRestoration();
    List<TopicPartition> partitions = new ArrayList<>();
    for (TopicPartition first : List.copyOf(task.inputPartitions())) {
      List<PartitionInfo> infos = consumer.partitionsFor(first.topic(), LOOKUP_TIMEOUT);
      if (infos == null || infos.isEmpty()) {
        throw new StreamsException("The source topic '" + first.topic() + "' of a global store"
            + " does not exist; create it before starting the application");
      }
      for (PartitionInfo info : infos) {
        TopicPartition tp = new TopicPartition(info.topic(), info.partition());
        partitions.add(tp);
        task.addInputPartition(tp);
      }
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, LOOKUP_TIMEOUT);
    long restored = 0;
    while (!reached(ends)) {
      restored += pollAndApply();
    }
    LOG.info("Restored the global stores from {} records of {}", restored, partitions);
  }

  private boolean reached(Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey(), LOOKUP_TIMEOUT) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  private int pollAndApply() {
    ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTime);
    for (TopicPartition tp : records.partitions()) {
      task.addRecords(tp, records.records(tp));
    }
    int applied = 0;
    while (task.process(time.milliseconds())) {
      applied++;
    }
    return applied;
  }

  @Override
  public void run() {
    boolean running = false;
    try {
      restore();
      running = true;
      restored.countDown();
      while (!shutdownRequested) {
        pollAndApply();
        task.maybePunctuateSystemTime();
      }
    } catch (RuntimeException e) {
      failure.set(e);
      LOG.error("The global stream thread failed", e);
    } finally {
      close();
      restored.countDown();
    }
    if (running && failure.get() != null) {
      onFailure.accept(failure.get());
    }
  }

  /** Asks the thread to stop; it closes its stores and consumer. */
  public void shutdown() {
    shutdownRequested = true;
  }

  private void close() {
    try {
      task.closeDirty();
    } catch (RuntimeException e) {
      LOG.warn("Closing the global stores failed", e);
    }
    stateDirectory.unlock(task.id());
    try {
      consumer.close();
    } catch (RuntimeException e) {
      LOG.debug("Closing the global consumer failed", e);
    }
  }
}
