package io.sluice.it.apps;

/** Child-JVM main of the crash tests: runs {@link CrashTopology}; see {@link ChildRunner}. */
public final class CrashAppMain {
  private CrashAppMain() {}

  /** @param args {@code args[0]}: the settings file */
  public static void main(String[] args) throws Exception {
    ChildRunner.run(args, CrashTopology::build);
  }
}
