package io.sluice.examples.aggregation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sluice.runtime.HostInfo;
import io.sluice.runtime.InvalidStateStoreException;
import io.sluice.runtime.KeyQueryMetadata;
import io.sluice.runtime.QueryableStoreTypes;
import io.sluice.runtime.StoreQueryParameters;
import io.sluice.runtime.StreamsApp;
import io.sluice.runtime.StreamsMetadata;
import io.sluice.serdes.JsonSerde;
import io.sluice.state.KeyValue;
import io.sluice.state.KeyValueIterator;
import io.sluice.state.ReadOnlyKeyValueStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serves the totals of {@link CategoryTotalsTopology#STORE} over HTTP (JSON), from whichever
 * instance of the application holds them:
 *
 * <ul>
 *   <li>{@code GET /totals/{category}}: the category's {@link CategoryTotals}. If another
 *       instance holds the active copy of the category's partition, the request is forwarded to it
 *       and its answer relayed. 404 for a category without sales.
 *   <li>{@code GET /totals}: every category's totals, as an object keyed by category, gathered
 *       from every instance ({@code ?scope=local}: only this instance's active partitions).
 * </ul>
 *
 * <p>While a rebalance is in progress (the assignment is not known yet, a store is migrating or
 * restoring, or the owner is unreachable) the answer is 503 with a {@code Retry-After} header in
 * seconds; clients retry. Errors are JSON objects {@code {"error": "..."}}.
 */
public final class CategoryTotalsServer implements AutoCloseable {
  /** Marks a forwarded request, so that an instance with a stale assignment does not re-forward. */
  static final String FORWARDED_HEADER = "X-Sluice-Forwarded";
  private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);
  private static final TypeReference<Map<String, CategoryTotals>> ALL_TOTALS_TYPE =
      new TypeReference<>() {};

  private final StreamsApp app;
  private final HostInfo self;
  private final Serde<CategoryTotals> totalsSerde = CategoryTotalsTopology.totalsSerde();
  private final Serde<Map<String, CategoryTotals>> allTotalsSerde =
      new JsonSerde<>(ALL_TOTALS_TYPE);
  private final HttpClient client;
  private final ExecutorService executor;
  private final HttpServer server;

  /**
   * Binds the server (it serves once {@link #start()} is called).
   *
   * @param app the running (or starting) application whose store is served
   * @param self this instance's {@code application.server}; the server listens on its port, on
   *     every local address
   * @throws UncheckedIOException if the port cannot be bound (in use, or privileged)
   */
  public CategoryTotalsServer(StreamsApp app, HostInfo self) {
    this.app = Objects.requireNonNull(app, "app");
    this.self = Objects.requireNonNull(self, "self");
    this.executor = Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "category-totals-http-" + self.port());
      thread.setDaemon(true);
      return thread;
    });
    // Not the server's executor: a request thread blocked forwarding must not starve the
    // client's own completion tasks.
    this.client = HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();
    try {
      this.server = HttpServer.create(new InetSocketAddress(self.port()), 0);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("Cannot listen on port " + self.port() + " for "
          + self + ": " + e.getMessage() + "; pick a free port", e);
    }
    server.setExecutor(executor);
    server.createContext("/totals", this::handle);
  }

  /** Starts serving requests. */
  public void start() {
    server.start();
  }

  /** Stops serving: waits up to one second for requests in flight, then frees the port. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      HttpReply reply;
      try {
        reply = route(exchange);
      } catch (RuntimeException e) {
        reply = HttpReply.error(500, "Query failed: " + e);
      }
      send(exchange, reply);
    }
  }

  private HttpReply route(HttpExchange exchange) {
    if (!"GET".equals(exchange.getRequestMethod())) {
      return HttpReply.error(405, "Method " + exchange.getRequestMethod()
          + " not allowed; use GET /totals or GET /totals/{category}");
    }
    String path = exchange.getRequestURI().getPath();
    boolean forwarded = exchange.getRequestHeaders().containsKey(FORWARDED_HEADER);
    if (path.equals("/totals") || path.equals("/totals/")) {
      boolean local = "scope=local".equals(exchange.getRequestURI().getQuery());
      return local ? localTotals() : allTotals();
    }
    if (path.startsWith("/totals/")) {
      return categoryTotals(path.substring("/totals/".length()), forwarded);
    }
    return HttpReply.error(404, "No resource " + path
        + "; use GET /totals or GET /totals/{category}");
  }

  private HttpReply categoryTotals(String category, boolean forwarded) {
    KeyQueryMetadata metadata = app.queryMetadataForKey(CategoryTotalsTopology.STORE, category,
        Serdes.String().serializer());
    HostInfo owner = metadata.activeHost();
    if (metadata.equals(KeyQueryMetadata.NOT_AVAILABLE) || owner.equals(HostInfo.UNAVAILABLE)) {
      return HttpReply.unavailable("No assignment known yet for store "
          + CategoryTotalsTopology.STORE + "; retry");
    }
    if (!owner.equals(self)) {
      if (forwarded) {
        return HttpReply.unavailable("Instance " + self + " was asked for category '" + category
            + "' but " + owner + " holds it now (rebalance in progress); retry");
      }
      return forward(owner, "/totals/" + category, null);
    }
    try {
      CategoryTotals totals = store().get(category);
      if (totals == null) {
        return HttpReply.error(404, "No sales in category '" + category + "'");
      }
      return HttpReply.ok(totalsSerde.serializer().serialize(CategoryTotalsTopology.STORE, totals));
    } catch (InvalidStateStoreException e) {
      return storeFailure(e);
    }
  }

  private HttpReply localTotals() {
    try {
      return HttpReply.ok(allTotalsSerde.serializer().serialize(CategoryTotalsTopology.STORE,
          readLocal()));
    } catch (InvalidStateStoreException e) {
      return storeFailure(e);
    }
  }

  private HttpReply allTotals() {
    SortedMap<String, CategoryTotals> all = new TreeMap<>();
    boolean anyInstance = false;
    for (StreamsMetadata instance : app.metadataForAllStreamsClients()) {
      if (!instance.stateStoreNames().contains(CategoryTotalsTopology.STORE)) {
        continue;
      }
      anyInstance = true;
      if (instance.hostInfo().equals(self)) {
        try {
          all.putAll(readLocal());
        } catch (InvalidStateStoreException e) {
          return storeFailure(e);
        }
        continue;
      }
      HttpReply remote = forward(instance.hostInfo(), "/totals", "scope=local");
      if (remote.status() != 200) {
        return remote;
      }
      all.putAll(allTotalsSerde.deserializer().deserialize(CategoryTotalsTopology.STORE,
          remote.body()));
    }
    if (!anyInstance) {
      return HttpReply.unavailable("No instance holds store " + CategoryTotalsTopology.STORE
          + " yet (no assignment known); retry");
    }
    return HttpReply.ok(allTotalsSerde.serializer().serialize(CategoryTotalsTopology.STORE, all));
  }

  private ReadOnlyKeyValueStore<String, CategoryTotals> store() {
    return app.store(StoreQueryParameters.fromNameAndType(CategoryTotalsTopology.STORE,
        QueryableStoreTypes.<String, CategoryTotals>keyValueStore()));
  }

  private SortedMap<String, CategoryTotals> readLocal() {
    SortedMap<String, CategoryTotals> totals = new TreeMap<>();
    try (KeyValueIterator<String, CategoryTotals> all = store().all()) {
      while (all.hasNext()) {
        KeyValue<String, CategoryTotals> entry = all.next();
        totals.put(entry.key(), entry.value());
      }
    }
    return totals;
  }

  private static HttpReply storeFailure(InvalidStateStoreException e) {
    return e.retriable() ? HttpReply.unavailable(e.getMessage())
        : HttpReply.error(500, e.getMessage());
  }

  private HttpReply forward(HostInfo owner, String path, String query) {
    URI uri;
    try {
      uri = new URI("http", null, owner.host(), owner.port(), path, query, null);
    } catch (URISyntaxException e) {
      return HttpReply.error(400, "Cannot forward " + path + " to " + owner + ": "
          + e.getMessage());
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(FORWARD_TIMEOUT)
        .header(FORWARDED_HEADER, self.toString()).GET().build();
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      int retryAfter = response.headers().firstValue("Retry-After")
          .filter(value -> value.matches("[0-9]{1,6}")).map(Integer::parseInt).orElse(0);
      return new HttpReply(response.statusCode(), response.body(), retryAfter);
    } catch (IOException e) {
      return HttpReply.unavailable("Instance " + owner + " holding the data is unreachable ("
          + e.getMessage() + "); retry");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HttpReply.unavailable("Interrupted while asking " + owner + "; retry");
    }
  }

  private static void send(HttpExchange exchange, HttpReply reply) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (reply.retryAfterSeconds() > 0) {
      exchange.getResponseHeaders().set("Retry-After", Integer.toString(reply.retryAfterSeconds()));
    }
    int length = reply.body().length;
    exchange.sendResponseHeaders(reply.status(), length == 0 ? -1 : length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(reply.body());
    }
  }
}
