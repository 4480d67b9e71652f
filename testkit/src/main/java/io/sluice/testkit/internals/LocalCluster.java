package io.sluice.testkit.internals;

import io.sluice.testkit.KafkaClusterException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft cluster of Kafka JVMs started on this machine (see {@link ClusterLayout} for its shape).
 *
 * <p>Start: sweep what crashed runs left, create a cluster directory, render each node's
 * configuration, start all nodes (each formats its own storage first), and wait until every
 * broker has registered with the controller. A start that fails because another process took a
 * port in the meantime is retried on new ports.
 */
public final class LocalCluster implements ClusterBackend {

  private static final int START_ATTEMPTS = 3;
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final LocalClusterOptions options;
  private final Path dir;
  private final String classpath;
  private ClusterLayout layout;
  private String clusterId;
  private List<NodeProcess> brokers = List.of();
  private NodeProcess controller;
  private Admin admin;
  private boolean closed;

  private LocalCluster(LocalClusterOptions options, Path dir, String classpath) {
    this.options = options;
    this.dir = dir;
    this.classpath = classpath;
  }

  /**
   * Starts a cluster and waits until all its brokers are up.
   *
   * @throws KafkaClusterException if a node fails to start (with its log tail), or the broker
   *     jars cannot be resolved
   */
  public static LocalCluster start(LocalClusterOptions options) {
    PidFiles pidFiles = PidFiles.standard();
    pidFiles.sweep();
    List<Path> jars;
    try {
      jars = BrokerClasspath.forVersion(options.kafkaVersion());
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new KafkaClusterException(e.getMessage(), e);
    }
    Path dir = pidFiles.newClusterDirectory();
    ChildProcesses.register(dir);
    Path launcherDir = writeLauncher(dir);
    String classpath = launcherDir + File.pathSeparator
        + jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    LocalCluster cluster = new LocalCluster(options, dir, classpath);
    try {
      cluster.startWithRetries();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void startWithRetries() {
    for (int attempt = 1; ; attempt++) {
      layout = ClusterLayout.plan(options.brokers(), !options.saslUsers().isEmpty(),
          PortAllocator.EPHEMERAL);
      try {
        startAll();
        return;
      } catch (KafkaClusterException e) {
        stopAllNow();
        closeAdmin();
        if (attempt >= START_ATTEMPTS || !e.getMessage().contains("Address already in use")) {
          throw e;
        }
      }
    }
  }

  private void startAll() {
    clusterId = Uuid.randomUuid().toString();
    List<NodeProcess> brokerProcesses = new ArrayList<>();
    for (KafkaNode node : layout.brokers()) {
      brokerProcesses.add(prepare(node));
    }
    brokers = List.copyOf(brokerProcesses);
    controller = layout.combined() ? null : prepare(layout.dedicatedController());
    List<NodeProcess> all = allProcesses();
    long deadline = System.nanoTime() + options.startTimeout().toNanos();
    all.forEach(node -> node.start(clusterId));
    inParallel(all, node -> node.awaitListening(deadline));
    if (admin == null) {
      admin = Admin.create(adminConfig());
    }
    for (NodeProcess broker : brokers) {
      awaitRegistered(broker, deadline);
    }
  }

  private NodeProcess prepare(KafkaNode node) {
    Path dataDir = dir.resolve(node.name() + "-data-" + UUID.randomUUID().toString().substring(0, 4));
    Path config = dir.resolve(node.name() + ".properties");
    BrokerConfig.write(
        BrokerConfig.render(layout, node, dataDir, options.saslUsers(), options.brokerOverrides()),
        config);
    return new NodeProcess(node, dir, config, classpath, options.jvmOptions());
  }

  private List<NodeProcess> allProcesses() {
    List<NodeProcess> all = new ArrayList<>();
    if (controller != null) {
      all.add(controller);
    }
    all.addAll(brokers);
    return all;
  }

  private Properties adminConfig() {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, layout.bootstrapServers(false));
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    return config;
  }

  /** Waits until the controller lists {@code broker} among the cluster's live brokers. */
  private void awaitRegistered(NodeProcess broker, long deadlineNanos) {
    int nodeId = broker.node().nodeId();
    while (true) {
      if (!broker.isAlive()) {
        throw broker.failure("its JVM exited while registering with the controller");
      }
      if (liveBrokerIds().contains(nodeId)) {
        return;
      }
      if (System.nanoTime() > deadlineNanos) {
        broker.kill();
        throw broker.failure("it did not register with the controller within "
            + options.startTimeout());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaClusterException("interrupted while waiting for brokers to register", e);
      }
    }
  }

  private Set<Integer> liveBrokerIds() {
    try {
      return admin.describeCluster(new DescribeClusterOptions().timeoutMs(1_000)).nodes()
          .get(2, TimeUnit.SECONDS).stream().map(Node::id).collect(Collectors.toSet());
    } catch (ExecutionException | TimeoutException e) {
      return Set.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaClusterException("interrupted while waiting for brokers to register", e);
    }
  }

  private static void inParallel(List<NodeProcess> nodes, Consumer<NodeProcess> action) {
    List<Thread> threads = new ArrayList<>();
    List<RuntimeException> failures = new ArrayList<>();
    for (NodeProcess node : nodes) {
      Thread thread = new Thread(() -> {
        try {
          action.accept(node);
        } catch (RuntimeException e) {
          synchronized (failures) {
            failures.add(e);
          }
        }
      }, "sluice-testkit-" + node.node().name());
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaClusterException("interrupted while starting Kafka nodes", e);
      }
    }
    synchronized (failures) {
      if (!failures.isEmpty()) {
        RuntimeException first = failures.get(0);
        failures.subList(1, failures.size()).forEach(first::addSuppressed);
        throw first;
      }
    }
  }

  /** Copies the launcher's class file where the child classpath can find it. */
  private static Path writeLauncher(Path dir) {
    Path launcherDir = dir.resolve("launcher");
    String resource = BrokerLauncher.class.getSimpleName() + ".class";
    Path target = launcherDir.resolve(BrokerLauncher.class.getName().replace('.', '/') + ".class");
    try (InputStream in = BrokerLauncher.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("class file " + resource + " is missing from the testkit");
      }
      Files.createDirectories(target.getParent());
      Files.copy(in, target);
      return launcherDir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the broker launcher into " + launcherDir, e);
    }
  }

  @Override
  public String bootstrapServers() {
    return layout.bootstrapServers(sasl());
  }

  @Override
  public Map<String, Object> securityProperties() {
    if (!sasl()) {
      return Map.of();
    }
    Map.Entry<String, String> user = options.saslUsers().entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).findFirst().orElseThrow();
    return SaslClientConfig.plain(user.getKey(), user.getValue());
  }

  @Override
  public boolean sasl() {
    return !options.saslUsers().isEmpty();
  }

  @Override
  public boolean external() {
    return false;
  }

  @Override
  public int brokerCount() {
    return brokers.size();
  }

  @Override
  public synchronized void stopBroker(int index) {
    broker(index).stop(STOP_TIMEOUT);
  }

  @Override
  public synchronized void startBroker(int index) {
    NodeProcess broker = broker(index);
    long deadline = System.nanoTime() + options.startTimeout().toNanos();
    broker.start(clusterId);
    broker.awaitListening(deadline);
    awaitRegistered(broker, deadline);
  }

  @Override
  public synchronized void killBroker(int index) {
    NodeProcess broker = broker(index);
    if (layout.combined()) {
      throw new IllegalStateException("killBroker(" + index + ") would kill the only KRaft"
          + " controller of this single-broker cluster and lose the quorum; build the cluster with"
          + " brokers(2) or more (it then gets a dedicated controller), or use stopBroker(" + index
          + ") for a clean stop");
    }
    if (!broker.isAlive()) {
      throw new IllegalStateException("broker " + index + " is not running; startBroker(" + index
          + ") first");
    }
    broker.kill();
  }

  private NodeProcess broker(int index) {
    if (closed) {
      throw new IllegalStateException("the cluster is closed");
    }
    if (index < 0 || index >= brokers.size()) {
      throw new IllegalArgumentException("broker index " + index + " is out of range; this cluster"
          + " has brokers 0 to " + (brokers.size() - 1));
    }
    return brokers.get(index);
  }

  @Override
  public List<Long> processIds() {
    return allProcesses().stream().map(NodeProcess::pid).filter(pid -> pid > 0)
        .collect(Collectors.toList());
  }

  @Override
  public String brokerLogTail(int index) {
    return broker(index).logTail();
  }

  /** The directory holding this cluster's configuration, data and logs. */
  public Path directory() {
    return dir;
  }

  private void stopAllNow() {
    List<NodeProcess> all = allProcesses();
    all.forEach(node -> {
      if (node.isAlive()) {
        node.kill();
      }
    });
  }

  private void closeAdmin() {
    if (admin != null) {
      admin.close(Duration.ZERO);
      admin = null;
    }
  }

  /** Kills every node (their data is thrown away, so no clean shutdown) and deletes the data. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeAdmin();
    stopAllNow();
    Directories.deleteRecursively(dir);
    ChildProcesses.unregister(dir);
  }
}
