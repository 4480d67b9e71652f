package io.sluice.bench.e2e;

/**
 * Entry point of one system-under-test process: runs the system until the benchmark destroys the
 * process (it measures the live process, so the system never exits by itself).
 */
public final class SutMain {
  private SutMain() {}

  /**
   * @param args see {@link SutSettings#toArgs()}
   * @throws Exception whatever the system under test throws, which ends the run
   */
  public static void main(String[] args) throws Exception {
    SutSettings settings = SutSettings.fromArgs(args);
    switch (settings.system()) {
      case PLAIN -> PlainLoop.run(settings);
      case KAFKA_STREAMS -> KafkaStreamsSut.run(settings);
      case SLUICE -> SluiceSut.run(settings);
      default -> throw new IllegalArgumentException("unknown system " + settings.system());
    }
  }
}
