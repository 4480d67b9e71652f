package io.sluice.runtime;

import io.sluice.runtime.StreamsApp.State;
import io.sluice.runtime.StreamsUncaughtExceptionHandler.Response;
import io.sluice.runtime.internals.EngineConfig;
import io.sluice.runtime.internals.FatalErrors;
import io.sluice.runtime.internals.GlobalStreamThread;
import io.sluice.runtime.internals.InstanceContext;
import io.sluice.runtime.internals.StreamThread;
import io.sluice.runtime.internals.ThreadState;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running side of a {@link StreamsApp}: the state machine, the stream and global threads,
 * the shared admin client, and the reactions to thread events (replace a thread, shut the
 * instance down, go to ERROR). Shutdowns run on a separate closer thread, so a stream thread can
 * trigger one without waiting for itself.
 */
final class AppRuntime implements StreamThread.Owner {
  private static final Logger LOG = LoggerFactory.getLogger(AppRuntime.class);

  private final StreamsApp app;
  private final String clientIdPrefix;
  private final Object lock = new Object();
  private final List<StreamThread> threads = new CopyOnWriteArrayList<>();
  private final AtomicInteger shutdownRequest = new AtomicInteger();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private State state = State.CREATED;
  private StreamsApp.StateListener listener = (n, o) -> { };
  private StreamsUncaughtExceptionHandler handler = e -> Response.SHUTDOWN_CLIENT;
  private volatile GlobalStreamThread globalThread;
  private InstanceContext instance;
  private Admin admin;

  AppRuntime(StreamsApp app, String clientIdPrefix) {
    this.app = app;
    this.clientIdPrefix = clientIdPrefix;
  }

  void setStateListener(StreamsApp.StateListener listener) {
    synchronized (lock) {
      requireCreated("setStateListener");
      this.listener = listener == null ? (n, o) -> { } : listener;
    }
  }

  void setUncaughtExceptionHandler(StreamsUncaughtExceptionHandler handler) {
    synchronized (lock) {
      requireCreated("setUncaughtExceptionHandler");
      this.handler = handler;
    }
  }

  private void requireCreated(String what) {
    if (state != State.CREATED) {
      throw new IllegalStateException(what + " must be called before start(); the instance is "
          + state);
    }
  }

  State state() {
    synchronized (lock) {
      return state;
    }
  }

  private static final Map<State, Set<State>> NEXT = Map.of(
      State.CREATED, EnumSet.of(State.REBALANCING, State.PENDING_SHUTDOWN, State.PENDING_ERROR),
      State.REBALANCING, EnumSet.of(State.RUNNING, State.PENDING_SHUTDOWN, State.PENDING_ERROR),
      State.RUNNING, EnumSet.of(State.REBALANCING, State.PENDING_SHUTDOWN, State.PENDING_ERROR),
      State.PENDING_SHUTDOWN, EnumSet.of(State.NOT_RUNNING),
      State.PENDING_ERROR, EnumSet.of(State.ERROR),
      State.NOT_RUNNING, EnumSet.noneOf(State.class),
      State.ERROR, EnumSet.noneOf(State.class));

  /** Moves to {@code target} if allowed from the current state; returns whether it moved. */
  private boolean transition(State target) {
    State old;
    synchronized (lock) {
      old = state;
      if (!NEXT.get(old).contains(target)) {
        return false;
      }
      state = target;
    }
    LOG.info("Application state {} -> {}", old, target);
    try {
      listener.onChange(target, old);
    } catch (RuntimeException e) {
      LOG.warn("The state listener failed on {} -> {}", old, target, e);
    }
    return true;
  }

  void start() {
    synchronized (lock) {
      if (state != State.CREATED) {
        throw new IllegalStateException("start() may be called once, on a CREATED instance;"
            + " this one is " + state);
      }
    }
    transition(State.REBALANCING);
    try {
      StreamsConfig config = app.config();
      admin = app.clients().getAdmin(config.adminConfigs(clientIdPrefix + "-admin"));
      EngineConfig engine = EngineConfig.from(config, app.metricsRegistry());
      instance = new InstanceContext(config, engine, app.topologyMetadata(), app.clients(),
          app.stateDirectory(), app.metricsRegistry(), admin, app.processId(), clientIdPrefix,
          Time.SYSTEM, name -> {
            GlobalStreamThread global = globalThread;
            return global == null ? null : global.store(name);
          }, shutdownRequest, threads::size);
      GlobalStreamThread global =
          GlobalStreamThread.create(instance, this::onGlobalThreadFailed).orElse(null);
      if (global != null) {
        globalThread = global;
        global.startAndRestore();
      }
      int count = config.getInt(StreamsConfig.NUM_STREAM_THREADS);
      synchronized (lock) {
        for (int i = 1; i <= count; i++) {
          threads.add(newThread(i, count));
        }
      }
      threads.forEach(Thread::start);
    } catch (RuntimeException e) {
      fail(e);
    }
  }

  private StreamThread newThread(int index, int count) {
    long cacheBytes = app.config().getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES) / count;
    StreamThread thread = new StreamThread(instance, index, cacheBytes, this,
        app.restoreListener());
    thread.setLocalTasks(app.localTasks());
    return thread;
  }

  private void resizeCaches() {
    List<StreamThread> live = List.copyOf(threads);
    if (!live.isEmpty()) {
      long share = app.config().getLong(StreamsConfig.STATESTORE_CACHE_MAX_BYTES) / live.size();
      live.forEach(t -> t.resizeCache(share));
    }
  }

  Optional<String> addStreamThread() {
    StreamThread thread;
    synchronized (lock) {
      if (state != State.RUNNING && state != State.REBALANCING) {
        return Optional.empty();
      }
      Set<Integer> used = new TreeSet<>();
      threads.forEach(t -> used.add(t.index()));
      int index = 1;
      while (used.contains(index)) {
        index++;
      }
      thread = newThread(index, threads.size() + 1);
      threads.add(thread);
    }
    resizeCaches();
    thread.start();
    return Optional.of(thread.getName());
  }

  Optional<String> removeStreamThread() {
    StreamThread victim;
    synchronized (lock) {
      if ((state != State.RUNNING && state != State.REBALANCING) || threads.isEmpty()) {
        return Optional.empty();
      }
      victim = threads.get(threads.size() - 1);
      threads.remove(victim);
    }
    victim.shutdown();
    if (Thread.currentThread() != victim) {
      joinQuietly(victim, Long.MAX_VALUE);
    }
    resizeCaches();
    return Optional.of(victim.getName());
  }

  Map<String, ThreadState> threadStates() {
    Map<String, ThreadState> states = new LinkedHashMap<>();
    threads.forEach(t -> states.put(t.getName(), t.state()));
    return states;
  }

  InstanceContext instanceContext() {
    return instance;
  }

  /** The metrics of the stream threads' consumers and of the admin client. */
  Map<org.apache.kafka.common.MetricName, org.apache.kafka.common.Metric> clientMetrics() {
    Map<org.apache.kafka.common.MetricName, org.apache.kafka.common.Metric> all =
        new java.util.HashMap<>();
    threads.forEach(t -> all.putAll(t.clientMetrics()));
    Admin client = admin;
    if (client != null) {
      all.putAll(client.metrics());
    }
    return all;
  }

  @Override
  public void onThreadStateChange(StreamThread thread, ThreadState old, ThreadState now) {
    State current = state();
    if (current != State.RUNNING && current != State.REBALANCING) {
      return;
    }
    boolean allRunning = !threads.isEmpty();
    for (StreamThread t : threads) {
      allRunning &= t.state() == ThreadState.RUNNING;
    }
    if (allRunning) {
      transition(State.RUNNING);
    } else if (now == ThreadState.PARTITIONS_ASSIGNED || now == ThreadState.STARTING) {
      transition(State.REBALANCING);
    }
  }

  @Override
  public Response onThreadError(StreamThread thread, Throwable error) {
    try {
      Response response = handler.handle(error);
      return response == null ? Response.SHUTDOWN_CLIENT : response;
    } catch (RuntimeException e) {
      LOG.error("The uncaught-exception handler failed; shutting the instance down", e);
      return Response.SHUTDOWN_CLIENT;
    }
  }

  @Override
  public void onThreadDead(StreamThread thread, Throwable error, Response response) {
    threads.remove(thread);
    if (error == null) {
      return;
    }
    if (FatalErrors.isFatal(error)) {
      fail(error);
      return;
    }
    if (response == Response.REPLACE_THREAD) {
      synchronized (lock) {
        if (state == State.RUNNING || state == State.REBALANCING) {
          StreamThread replacement = newThread(thread.index(), threads.size() + 1);
          threads.add(replacement);
          LOG.warn("Replacing failed {} with {}", thread.getName(), replacement.getName());
          replacement.start();
        }
      }
      return;
    }
    fail(error);
  }

  private void onGlobalThreadFailed(Throwable error) {
    fail(error);
  }

  /** Goes to PENDING_ERROR and shuts everything down on a closer thread, ending in ERROR. */
  private void fail(Throwable error) {
    if (transition(State.PENDING_ERROR)) {
      LOG.error("Shutting the instance down with ERROR: {}", FatalErrors.describe(error), error);
      startCloser(State.ERROR);
    }
  }

  boolean close(Duration timeout) {
    if (transition(State.PENDING_SHUTDOWN)) {
      startCloser(State.NOT_RUNNING);
    }
    if (isOwnThread()) {
      return false;
    }
    try {
      long millis = timeout.toMillis();
      return stopped.await(millis <= 0 ? 0 : millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ArithmeticException overflow) {
      return false;
    }
  }

  private boolean isOwnThread() {
    Thread current = Thread.currentThread();
    return threads.contains(current) || current == globalThread;
  }

  private void startCloser(State finalState) {
    Thread closer = new Thread(() -> {
      List<StreamThread> stopping = List.copyOf(threads);
      stopping.forEach(StreamThread::shutdown);
      stopping.forEach(t -> joinQuietly(t, Long.MAX_VALUE));
      GlobalStreamThread global = globalThread;
      if (global != null) {
        global.shutdown();
        joinQuietly(global, Long.MAX_VALUE);
      }
      if (admin != null) {
        admin.close(Duration.ofSeconds(5));
      }
      app.stateDirectory().close();
      app.metricsRegistry().close();
      transition(finalState);
      stopped.countDown();
    }, clientIdPrefix + "-closer");
    closer.setDaemon(false);
    closer.start();
  }

  private static void joinQuietly(Thread thread, long millis) {
    try {
      thread.join(millis == Long.MAX_VALUE ? 0 : millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
