package io.sluice.examples.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.HostInfo;
import io.sluice.runtime.StreamsApp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP surface of {@link CategoryTotalsServer} without a broker: an application that has not
 * been assigned anything yet answers 503 with {@code Retry-After}, and bad requests are rejected.
 */
class CategoryTotalsServerTest {
  @TempDir Path stateDir;

  private final HttpClient http = HttpClient.newHttpClient();
  private StreamsApp app;
  private CategoryTotalsServer server;
  private int port;

  @BeforeEach
  void startServer() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Properties props = CategoryTotalsApp.props("localhost:1", port);
    props.put("state.dir", stateDir.toString());
    app = new StreamsApp(CategoryTotalsTopology.build(props), props); // never started
    server = new CategoryTotalsServer(app, new HostInfo("localhost", port));
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
    app.close();
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answers503WithRetryAfterWhileNoAssignmentIsKnown() throws Exception {
    for (String path : new String[] {"/totals/books", "/totals"}) {
      HttpResponse<String> response = send("GET", path);
      assertThat(response.statusCode()).as(path).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).as(path).contains("1");
      assertThat(response.body()).as(path).startsWith("{\"error\":\"");
    }
  }

  @Test
  void rejectsOtherMethodsAndPaths() throws Exception {
    assertThat(send("POST", "/totals/books").statusCode()).isEqualTo(405);
    assertThat(send("GET", "/totalsx").statusCode()).isEqualTo(404);
  }

  @Test
  void errorBodiesAreValidJsonStrings() {
    HttpReply reply = HttpReply.error(400, "bad \"name\" \\ \n end");
    assertThat(new String(reply.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"error\":\"bad \\\"name\\\" \\\\ \\u000a end\"}");
  }
}
