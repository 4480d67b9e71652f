package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sluice.state.KeyValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProduceConsumeIT {

  @RegisterExtension
  static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void recordsProducedAreConsumedInOrderPerPartition() {
    KafkaCluster kafka = KAFKA.cluster();
    String topic = kafka.createTopic("produce-consume", 2, 1, Map.of());
    List<KeyValue<String, String>> records = List.of(
        KeyValue.pair("a", "1"), KeyValue.pair("b", "2"), KeyValue.pair("a", "3"));

    kafka.produce(topic, records, new StringSerializer(), new StringSerializer());

    List<ConsumerRecord<String, String>> consumed = kafka.consume(
        topic, 3, TIMEOUT, new StringDeserializer(), new StringDeserializer());
    assertThat(consumed).extracting(ConsumerRecord::key, ConsumerRecord::value)
        .containsExactlyInAnyOrder(
            tuple("a", "1"),
            tuple("b", "2"),
            tuple("a", "3"));
    List<String> valuesOfA = consumed.stream().filter(r -> r.key().equals("a"))
        .map(ConsumerRecord::value).collect(Collectors.toList());
    assertThat(valuesOfA).containsExactly("1", "3");
  }

  @Test
  void readCommittedSeesCommittedTransactionsOnly() {
    KafkaCluster kafka = KAFKA.cluster();
    String topic = kafka.createTopic("transactions", 1, 1, Map.of());
    Map<String, Object> config = kafka.clientProperties();
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "testkit-tx-" + topic);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k", "aborted-1"));
      producer.send(new ProducerRecord<>(topic, "k", "aborted-2"));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "k", "committed-1"));
      producer.send(new ProducerRecord<>(topic, "k", "committed-2"));
      producer.commitTransaction();
    }

    List<ConsumerRecord<String, String>> committed = kafka.consume(
        topic, 2, TIMEOUT, new StringDeserializer(), new StringDeserializer());
    List<ConsumerRecord<String, String>> uncommitted = kafka.consume(
        topic, 4, TIMEOUT, new StringDeserializer(), new StringDeserializer(),
        IsolationLevel.READ_UNCOMMITTED);

    assertThat(committed).extracting(ConsumerRecord::value)
        .containsExactly("committed-1", "committed-2");
    assertThat(uncommitted).extracting(ConsumerRecord::value)
        .containsExactly("aborted-1", "aborted-2", "committed-1", "committed-2");
  }
}
