package io.sluice.it.apps;

/**
 * Child-JVM main of the exactly-once crash test: runs {@link DslCrashTopology}; see {@link
 * ChildRunner}.
 */
public final class CrashAppMain {
  private CrashAppMain() {}

  /** @param args {@code args[0]}: the settings file */
  public static void main(String[] args) throws Exception {
    ChildRunner.run(args, DslCrashTopology::build);
  }
}
