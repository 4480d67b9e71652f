package io.sluice.runtime.internals;

import io.sluice.processor.Processor;
import io.sluice.processor.ProcessorContext;
import io.sluice.processor.Record;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Shared helpers of the engine tests. */
final class Fixture {
  static final StringSerializer SER = new StringSerializer();
  static final StringDeserializer DE = new StringDeserializer();

  private Fixture() {}

  static byte[] bytes(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  static String string(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  static void pipe(SyncDriver driver, String topic, String key, String value, long timestamp) {
    driver.pipe(topic, bytes(key), bytes(value), timestamp, null);
  }

  /** Reads every unread record of {@code topic} as {@code key=value@timestamp}. */
  static List<String> read(SyncDriver driver, String topic) {
    List<String> out = new ArrayList<>();
    ProducerRecord<byte[], byte[]> r;
    while ((r = driver.readOutput(topic)) != null) {
      out.add(string(r.key()) + "=" + string(r.value()) + "@" + r.timestamp());
    }
    return out;
  }

  /** A processor that runs {@code body} with its context for each record. */
  static <K, V> Processor<K, V, K, V> processor(
      BiConsumer<ProcessorContext<K, V>, Record<K, V>> body) {
    return new Processor<>() {
      private ProcessorContext<K, V> context;

      @Override
      public void init(ProcessorContext<K, V> context) {
        this.context = context;
      }

      @Override
      public void process(Record<K, V> record) {
        body.accept(context, record);
      }
    };
  }
}
