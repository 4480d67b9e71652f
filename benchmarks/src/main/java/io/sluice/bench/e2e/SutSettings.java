package io.sluice.bench.e2e;

/**
 * What one system-under-test process runs.
 *
 * @param system which implementation
 * @param mode the workload
 * @param exactlyOnce exactly-once ({@code exactly_once_v2}) rather than at-least-once
 * @param bootstrap the brokers
 * @param applicationId the application id (consumer group) of this run
 * @param input the input topic
 * @param table the table topic of {@link Mode#STREAM_TABLE_JOIN}
 * @param output the output topic
 * @param stateDir where stateful systems keep their stores
 */
record SutSettings(SystemUnderTest system, Mode mode, boolean exactlyOnce, String bootstrap,
    String applicationId, String input, String table, String output, String stateDir) {

  /** @return the settings as command-line arguments for {@link SutMain} */
  String[] toArgs() {
    return new String[] {system.name(), mode.name(), Boolean.toString(exactlyOnce), bootstrap,
        applicationId, input, table, output, stateDir};
  }

  static SutSettings fromArgs(String[] args) {
    return new SutSettings(SystemUnderTest.valueOf(args[0]), Mode.valueOf(args[1]),
        Boolean.parseBoolean(args[2]), args[3], args[4], args[5], args[6], args[7], args[8]);
  }
}
