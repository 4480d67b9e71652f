package io.sluice.it.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts application JVMs for a test class and kills every one of them (SIGKILL) after each test
 * and after the class, whether the test passed or not. Logs go to {@code
 * <sluice.it.logs>/<test class>/<test>-<child>.log} (the system property defaults to {@code
 * target/it-logs}), kept for diagnosis.
 */
public final class ChildJvms implements AfterEachCallback, AfterAllCallback {
  private final List<ChildJvm> children = new ArrayList<>();
  private String testName = "test";
  private String className = "class";

  /**
   * Creates and starts a child JVM running {@code mainClass} with {@code args}.
   *
   * @param name a short name, used in the log file name and in messages
   */
  public synchronized ChildJvm start(String name, Class<?> mainClass, String... args) {
    ChildJvm child = new ChildJvm(name, logDir().resolve(testName + "-" + name + ".log"),
        mainClass, Arrays.asList(args));
    children.add(child);
    child.start();
    return child;
  }

  /** Where this class's logs go. */
  public Path logDir() {
    return Path.of(System.getProperty("sluice.it.logs", "target/it-logs")).resolve(className);
  }

  /** Sets the names used for log files; call in {@code @BeforeEach} with the TestInfo. */
  public synchronized void naming(Class<?> testClass, String test) {
    this.className = testClass.getSimpleName();
    this.testName = test.replaceAll("[^A-Za-z0-9_.-]", "_")
        + "-" + System.currentTimeMillis();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    killAll();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    killAll();
  }

  private synchronized void killAll() {
    RuntimeException first = null;
    for (ChildJvm child : children) {
      try {
        child.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    children.clear();
    if (first != null) {
      throw first;
    }
  }
}
