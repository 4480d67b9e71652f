package io.sluice.it.harness;

import io.sluice.processor.Topology;
import io.sluice.runtime.KafkaClientSupplier;
import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsUncaughtExceptionHandler;
import io.sluice.testkit.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Application instances running inside the test JVM, each recording its state changes and
 * uncaught exceptions; every instance is closed after each test, passed or failed.
 */
public final class InProcessApps implements AfterEachCallback {
  private final List<Instance> instances = new ArrayList<>();

  /** One application instance and what it went through. */
  public static final class Instance {
    private final StreamsApp app;
    private final String name;
    private final List<StreamsApp.State> states = new CopyOnWriteArrayList<>();
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

    private Instance(String name, StreamsApp app) {
      this.name = name;
      this.app = app;
      app.setStateListener((now, before) -> states.add(now));
      app.setUncaughtExceptionHandler(e -> {
        uncaught.add(e);
        return StreamsUncaughtExceptionHandler.Response.SHUTDOWN_CLIENT;
      });
    }

    /** The application object. */
    public StreamsApp app() {
      return app;
    }

    /** Every state entered, in order. */
    public List<StreamsApp.State> states() {
      return List.copyOf(states);
    }

    /** Exceptions given to the uncaught-exception handler. */
    public List<Throwable> uncaught() {
      return List.copyOf(uncaught);
    }

    /** Starts the application. */
    public Instance start() {
      app.start();
      return this;
    }

    /** Waits until the application is in {@code state}; fails naming what it went through. */
    public void awaitState(StreamsApp.State state, Duration timeout) {
      KafkaCluster.waitUntil(() -> app.state() == state, timeout,
          "instance " + name + " never reached " + state + "; states " + states
              + ", uncaught " + uncaught);
    }

    /** Waits until RUNNING, failing early if the instance reaches ERROR. */
    public void awaitRunning(Duration timeout) {
      KafkaCluster.waitUntil(() -> {
        if (app.state() == StreamsApp.State.ERROR) {
          throw new AssertionError("instance " + name + " reached ERROR; states " + states
              + ", uncaught " + uncaught);
        }
        return app.state() == StreamsApp.State.RUNNING;
      }, timeout, "instance " + name + " never reached RUNNING; states " + states
          + ", uncaught " + uncaught);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A new, not yet started instance with the default clients. */
  public synchronized Instance create(String name, Topology topology, Properties props) {
    return add(new Instance(name, new StreamsApp(topology, props)));
  }

  /** A new, not yet started instance with the given clients. */
  public synchronized Instance create(String name, Topology topology, Properties props,
      KafkaClientSupplier clients) {
    return add(new Instance(name, new StreamsApp(topology, props, clients)));
  }

  private Instance add(Instance instance) {
    instances.add(instance);
    return instance;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<Instance> toClose;
    synchronized (this) {
      toClose = List.copyOf(instances);
      instances.clear();
    }
    // Close in parallel so instances leaving the group do not wait for each other in turn.
    List<Thread> closers = new ArrayList<>();
    for (Instance instance : toClose) {
      Thread t = new Thread(() -> instance.app().close(Duration.ofSeconds(30)),
          "close-" + instance.name);
      t.start();
      closers.add(t);
    }
    for (Thread t : closers) {
      try {
        t.join(Duration.ofSeconds(40).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
