package io.sluice.examples.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.sluice.runtime.KeyQueryMetadata;
import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsConfig;
import io.sluice.serdes.JsonSerde;
import io.sluice.state.KeyValue;
import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the category-totals application in one JVM, each with its own HTTP port, on a
 * two-partition input topic: every category's totals are answered identically by both instances
 * (one of them from its own store, the other by forwarding to the owner), the listing of all
 * categories is the same on both, and an unknown category is a 404 on both.
 */
@Timeout(180)
class CategoryTotalsIT {
  @RegisterExtension static final KafkaClusterExtension KAFKA = KafkaClusterExtension.shared();
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final int CATEGORIES = 8;
  private static final int SALES = 200;

  @TempDir Path stateDir;

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void bothInstancesAnswerEveryCategoryWithTheExactTotals() {
    KafkaCluster kafka = KAFKA.cluster();
    kafka.createTopic(CategoryTotalsTopology.SALES, 2, 1, Map.of());
    List<KeyValue<String, Sale>> sales = new ArrayList<>();
    Map<String, CategoryTotals> expected = new TreeMap<>();
    for (int i = 0; i < SALES; i++) {
      Sale sale = new Sale("category-" + (i % CATEGORIES), 100 + i);
      sales.add(KeyValue.pair("order-" + i, sale));
      expected.merge(sale.category(), CategoryTotals.empty().add(sale),
          (a, b) -> new CategoryTotals(a.count() + b.count(), a.sum() + b.sum()));
    }
    kafka.produce(CategoryTotalsTopology.SALES, sales, new StringSerializer(),
        CategoryTotalsTopology.saleSerde().serializer());

    int[] ports = freePorts();
    List<StreamsApp> apps = new ArrayList<>();
    List<CategoryTotalsServer> servers = new ArrayList<>();
    try {
      for (int port : ports) {
        Properties props = props(kafka, port);
        StreamsApp app = new StreamsApp(CategoryTotalsTopology.build(props), props);
        apps.add(app);
        servers.add(CategoryTotalsApp.start(app, props));
      }
      KafkaCluster.waitUntil(
          () -> apps.stream().allMatch(a -> a.state() == StreamsApp.State.RUNNING),
          WAIT, "both instances RUNNING");

      Map<String, String> lastAnswer = new TreeMap<>();
      try {
        KafkaCluster.waitUntil(() -> {
          for (String category : expected.keySet()) {
            for (int port : ports) {
              Answer answer = get(port, "/totals/" + category);
              String json = json(expected.get(category));
              if (answer.status() != 200 || !answer.body().equals(json)) {
                lastAnswer.put("last", "port " + port + " " + category + ": " + answer);
                return false;
              }
            }
          }
          return true;
        }, WAIT, "every category answered by both instances with its exact totals");
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "; last mismatch: " + lastAnswer, e);
      }

      // Each category's owner is one of the two instances, so the other one answered by forwarding.
      for (String category : expected.keySet()) {
        KeyQueryMetadata metadata = apps.get(0).queryMetadataForKey(CategoryTotalsTopology.STORE,
            category, Serdes.String().serializer());
        assertThat(metadata.activeHost().port()).isIn(ports[0], ports[1]);
        assertThat(Set.of(apps.get(1).queryMetadataForKey(CategoryTotalsTopology.STORE, category,
            Serdes.String().serializer()).activeHost())).containsExactly(metadata.activeHost());
      }

      JsonSerde<Map<String, CategoryTotals>> listing = new JsonSerde<>(new TypeReference<>() {});
      for (int port : ports) {
        Answer all = get(port, "/totals");
        assertThat(all.status()).as("GET /totals on %d: %s", port, all).isEqualTo(200);
        assertThat(listing.deserializer().deserialize("", all.body().getBytes(
            StandardCharsets.UTF_8))).isEqualTo(expected);
        assertThat(get(port, "/totals/no-such-category").status()).isEqualTo(404);
      }
    } finally {
      servers.forEach(CategoryTotalsServer::close);
      apps.forEach(app -> app.close(Duration.ofSeconds(30)));
    }
  }

  private Properties props(KafkaCluster kafka, int port) {
    Properties props = CategoryTotalsApp.props(kafka.bootstrapServers(), port);
    props.putAll(kafka.clientProperties());
    props.put(StreamsConfig.APPLICATION_ID, "category-totals-it");
    props.put(StreamsConfig.STATE_DIR, stateDir.resolve("instance-" + port).toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS, 100L);
    props.put(StreamsConfig.CONSUMER_PREFIX + "session.timeout.ms", 6000);
    props.put(StreamsConfig.CONSUMER_PREFIX + "heartbeat.interval.ms", 500);
    return props;
  }

  private static String json(CategoryTotals totals) {
    return "{\"count\":" + totals.count() + ",\"sum\":" + totals.sum() + "}";
  }

  /** An HTTP answer: status and body. */
  private record Answer(int status, String body) {}

  private Answer get(int port, String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(15)).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during GET " + request.uri(), e);
    }
  }

  private static int[] freePorts() {
    try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
      return new int[] {a.getLocalPort(), b.getLocalPort()};
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port", e);
    }
  }
}
