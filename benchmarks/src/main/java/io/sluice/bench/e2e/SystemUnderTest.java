package io.sluice.bench.e2e;

/** The implementations the end-to-end benchmark compares, alternated run by run. */
public enum SystemUnderTest {
  /** Sluice's runtime and DSL. */
  SLUICE,
  /** A plain consumer-to-producer loop; stateless modes only. */
  PLAIN,
  /** Apache Kafka Streams running the same topology. */
  KAFKA_STREAMS
}
