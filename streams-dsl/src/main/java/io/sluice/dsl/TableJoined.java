package io.sluice.dsl;

import io.sluice.processor.StreamPartitioner;

/**
 * Options of a foreign-key table join: the operator's name (the prefix of its processors,
 * internal topics and subscription store) and how the two tables are partitioned, when that is
 * not Kafka's default partitioning of the serialized key. The partitioners do not move any data
 * of the tables; the join's internal topics use them so that subscriptions reach the partition of
 * their foreign row and responses the partition of their left row.
 *
 * @param <K> left (this) table's key type
 * @param <KO> right (other) table's key type, the foreign key
 */
public final class TableJoined<K, KO> {
  private final String name;
  private final StreamPartitioner<K, Void> partitioner;
  private final StreamPartitioner<KO, Void> otherPartitioner;

  private TableJoined(String name, StreamPartitioner<K, Void> partitioner,
      StreamPartitioner<KO, Void> otherPartitioner) {
    this.name = name;
    this.partitioner = partitioner;
    this.otherPartitioner = otherPartitioner;
  }

  /**
   * @param partitioner how the left table is partitioned, or {@code null} for the default
   * @param otherPartitioner how the right table is partitioned, or {@code null} for the default
   * @param <K> left key type
   * @param <KO> right key type
   * @return the options, without a name
   */
  public static <K, KO> TableJoined<K, KO> with(StreamPartitioner<K, Void> partitioner,
      StreamPartitioner<KO, Void> otherPartitioner) {
    return new TableJoined<>(null, partitioner, otherPartitioner);
  }

  /**
   * @param name the operator's name, see {@link Named#as}
   * @param <K> left key type
   * @param <KO> right key type
   * @return the options, with default partitioning
   * @throws io.sluice.processor.TopologyException if the name is not a valid operator name
   */
  public static <K, KO> TableJoined<K, KO> as(String name) {
    return new TableJoined<>(Named.validate(name), null, null);
  }

  /**
   * @param name the operator's name, see {@link Named#as}
   * @return a copy with that name
   * @throws io.sluice.processor.TopologyException if the name is not a valid operator name
   */
  public TableJoined<K, KO> withName(String name) {
    return new TableJoined<>(Named.validate(name), partitioner, otherPartitioner);
  }

  /**
   * @param partitioner how the left table is partitioned, or {@code null} for the default
   * @return a copy with that partitioner
   */
  public TableJoined<K, KO> withPartitioner(StreamPartitioner<K, Void> partitioner) {
    return new TableJoined<>(name, partitioner, otherPartitioner);
  }

  /**
   * @param otherPartitioner how the right table is partitioned, or {@code null} for the default
   * @return a copy with that partitioner
   */
  public TableJoined<K, KO> withOtherPartitioner(StreamPartitioner<KO, Void> otherPartitioner) {
    return new TableJoined<>(name, partitioner, otherPartitioner);
  }

  /** @return the operator's name, or {@code null} for a generated one */
  public String name() {
    return name;
  }

  /** @return the left table's partitioner, or {@code null} for the default */
  public StreamPartitioner<K, Void> partitioner() {
    return partitioner;
  }

  /** @return the right table's partitioner, or {@code null} for the default */
  public StreamPartitioner<KO, Void> otherPartitioner() {
    return otherPartitioner;
  }
}
