package io.sluice.it.harness;

import io.sluice.testkit.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Input that keeps flowing while a test changes the application: every {@code periodMs} a batch
 * of records (made by a generator from a running index) is sent by an idempotent producer, until
 * the generator returns null ({@link #exhausted()}) or {@link #stop()}, which flushes and returns
 * everything sent.
 */
public final class InputFlow implements AutoCloseable {
  private final KafkaProducer<String, String> producer;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "input-flow"));
  private final List<ProducerRecord<String, String>> sent = new ArrayList<>();
  private final IntFunction<ProducerRecord<String, String>> generator;
  private final int batch;
  private final Future<?> task;
  private volatile Throwable failure;
  private volatile boolean exhausted;

  /**
   * Starts sending {@code batch} records every {@code periodMs}.
   *
   * @param generator the record for an index, or null when there are no more
   */
  public InputFlow(KafkaCluster kafka, IntFunction<ProducerRecord<String, String>> generator,
      int batch, long periodMs) {
    Map<String, Object> props = new HashMap<>(kafka.clientProperties());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    this.generator = generator;
    this.batch = batch;
    this.task = scheduler.scheduleAtFixedRate(this::sendBatch, 0, periodMs,
        TimeUnit.MILLISECONDS);
  }

  private void sendBatch() {
    try {
      synchronized (sent) {
        for (int i = 0; i < batch && !exhausted; i++) {
          ProducerRecord<String, String> record = generator.apply(sent.size());
          if (record == null) {
            exhausted = true;
            break;
          }
          producer.send(record, (metadata, e) -> {
            if (e != null) {
              failure = e;
            }
          });
          sent.add(record);
        }
      }
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
  }

  /** Whether the generator has no more records. */
  public boolean exhausted() {
    return exhausted;
  }

  /** How many records were handed to the producer so far. */
  public int sentCount() {
    synchronized (sent) {
      return sent.size();
    }
  }

  /** Stops the flow, waits for every acknowledgement, and returns what was sent, in order. */
  public List<ProducerRecord<String, String>> stop() {
    task.cancel(false);
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the input flow did not stop in 30 s");
      }
      task.get(1, TimeUnit.SECONDS);
    } catch (CancellationException expected) {
      // cancelled above: the normal way to stop
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the input flow failed", e);
    }
    producer.flush();
    if (failure != null) {
      throw new AssertionError("a send of the input flow failed", failure);
    }
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    producer.close(Duration.ofSeconds(10));
  }
}
