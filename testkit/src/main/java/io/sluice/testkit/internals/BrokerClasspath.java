package io.sluice.testkit.internals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * The classpath of a broker JVM: {@code org.apache.kafka:kafka_2.13:<version>} and its runtime
 * dependencies, plus an slf4j binding that writes the broker's log to its standard error (which
 * the testkit sends to a file).
 *
 * <p>Jars are resolved with Maven Resolver from the local repository ({@code maven.repo.local}, or
 * {@code ~/.m2/repository}) and Maven Central. The resolved list is cached in a file in the local
 * repository, keyed by Kafka version, so only the first start of a version pays for resolution; a
 * cache whose jars have disappeared is resolved again. None of these jars ever reach the test's
 * own classpath.
 */
public final class BrokerClasspath {

  /** The Maven Central URL used when a jar is missing from the local repository. */
  public static final String CENTRAL_URL = "https://repo.maven.apache.org/maven2/";

  private static final String SLF4J_VERSION = "2.0.17";
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z._-]+");
  private static final ConcurrentMap<String, List<Path>> RESOLVED = new ConcurrentHashMap<>();

  private BrokerClasspath() {}

  /**
   * Returns the jars a broker of the given Kafka version runs on, resolving them on first use.
   *
   * @param kafkaVersion a published version of {@code org.apache.kafka:kafka_2.13}, like 4.3.1
   * @return the jars, in classpath order
   * @throws IllegalArgumentException if the version is malformed
   * @throws IllegalStateException if the jars cannot be resolved (unknown version, no network
   *     and not in the local repository)
   */
  public static List<Path> forVersion(String kafkaVersion) {
    if (kafkaVersion == null || !VERSION.matcher(kafkaVersion).matches()) {
      throw new IllegalArgumentException(
          "Kafka broker version '" + kafkaVersion + "' is not a Maven version; use for example 4.3.1");
    }
    return RESOLVED.computeIfAbsent(kafkaVersion, BrokerClasspath::cachedOrResolve);
  }

  /** The local Maven repository: {@code maven.repo.local} if set, else {@code ~/.m2/repository}. */
  public static Path localRepository() {
    String configured = System.getProperty("maven.repo.local");
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured);
    }
    return Paths.get(System.getProperty("user.home"), ".m2", "repository");
  }

  static Path cacheFile(Path localRepository, String kafkaVersion) {
    return localRepository.resolve("io/sluice/sluice-testkit-broker-classpath")
        .resolve("kafka_2.13-" + kafkaVersion + ".classpath");
  }

  /** Reads a cache file; empty if it is missing, empty, or names a jar that no longer exists. */
  static Optional<List<Path>> readCache(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      List<Path> jars = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(line -> !line.isBlank())
          .map(Paths::get)
          .collect(Collectors.toList());
      boolean complete = !jars.isEmpty() && jars.stream().allMatch(Files::isRegularFile);
      return complete ? Optional.of(List.copyOf(jars)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Writes a cache file atomically, so concurrent test JVMs never read half a list. */
  static void writeCache(Path file, List<Path> jars) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      String text = jars.stream().map(Path::toString).collect(Collectors.joining("\n", "", "\n"));
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the broker classpath cache " + file, e);
    }
  }

  private static List<Path> cachedOrResolve(String kafkaVersion) {
    Path localRepository = localRepository();
    Path cache = cacheFile(localRepository, kafkaVersion);
    Optional<List<Path>> cached = readCache(cache);
    if (cached.isPresent()) {
      return cached.get();
    }
    List<Path> jars = resolve(localRepository, kafkaVersion);
    writeCache(cache, jars);
    return jars;
  }

  private static List<Path> resolve(Path localRepository, String kafkaVersion) {
    RepositorySystem system = new RepositorySystemSupplier().get();
    try {
      DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
      session.setLocalRepositoryManager(
          system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
      CollectRequest collect = new CollectRequest();
      // Direct dependencies win over transitive ones: an slf4j 2 API and a simple binding replace
      // whatever slf4j API the broker pulls in without a binding.
      collect.addDependency(runtime("org.apache.kafka:kafka_2.13:" + kafkaVersion));
      collect.addDependency(runtime("org.slf4j:slf4j-api:" + SLF4J_VERSION));
      collect.addDependency(runtime("org.slf4j:slf4j-simple:" + SLF4J_VERSION));
      collect.addRepository(
          new RemoteRepository.Builder("central", "default", CENTRAL_URL).build());
      DependencyRequest request = new DependencyRequest(
          collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
      List<Path> jars = new ArrayList<>();
      for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
        jars.add(result.getArtifact().getFile().toPath().toAbsolutePath());
      }
      return List.copyOf(jars);
    } catch (DependencyResolutionException e) {
      throw new IllegalStateException("cannot resolve org.apache.kafka:kafka_2.13:" + kafkaVersion
          + " and its dependencies from " + localRepository + " or " + CENTRAL_URL
          + "; check the version (kafka.broker.version) and the network: " + e.getMessage(), e);
    } finally {
      system.shutdown();
    }
  }

  private static Dependency runtime(String coordinates) {
    return new Dependency(new DefaultArtifact(coordinates), JavaScopes.RUNTIME);
  }
}
