package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;

class KafkaClientSupplierTest {
  private static StreamsConfig configWithUnusedPort(boolean exactlyOnce) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return new StreamsConfig(Map.of("application.id", "app",
        "bootstrap.servers", "localhost:" + port,
        "processing.guarantee", exactlyOnce ? "exactly_once_v2" : "at_least_once",
        "security.protocol", "PLAINTEXT"));
  }

  @Test
  void defaultSupplierCreatesClientsFromTheConfigMaps() throws Exception {
    StreamsConfig config = configWithUnusedPort(true);
    KafkaClientSupplier supplier = KafkaClientSupplier.defaults();
    try (Consumer<byte[], byte[]> main =
            supplier.getConsumer(config.mainConsumerConfigs("app", "app-main"));
        Consumer<byte[], byte[]> restore =
            supplier.getRestoreConsumer(config.restoreConsumerConfigs("app-restore"));
        Consumer<byte[], byte[]> global =
            supplier.getGlobalConsumer(config.globalConsumerConfigs("app-global"));
        Producer<byte[], byte[]> producer =
            supplier.getProducer(config.producerConfigs("app-producer", "app-0_0"));
        Admin admin = supplier.getAdmin(config.adminConfigs("app-admin"))) {
      assertThat(main).isInstanceOf(KafkaConsumer.class);
      assertThat(main.groupMetadata().groupId()).isEqualTo("app");
      assertThat(restore).isInstanceOf(KafkaConsumer.class);
      assertThat(global).isInstanceOf(KafkaConsumer.class);
      assertThat(producer).isInstanceOf(KafkaProducer.class);
      assertThat(admin).isNotNull();
    }
  }

  @Test
  void defaultSupplierCreatesAPlainProducerUnderAtLeastOnce() throws Exception {
    StreamsConfig config = configWithUnusedPort(false);
    try (Producer<byte[], byte[]> producer =
        KafkaClientSupplier.defaults().getProducer(config.producerConfigs("p", null))) {
      assertThat(producer).isInstanceOf(KafkaProducer.class);
    }
  }
}
