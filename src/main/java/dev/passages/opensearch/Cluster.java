package dev.passages.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passages.search.EngineUnavailableException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * A connection to an OpenSearch cluster through its official Java client: JSON requests in, JSON
 * answers out. The client spreads requests over the nodes given and passes over one that stops
 * answering, so a cluster that loses a node keeps being used. A cluster that cannot be reached, or
 * answers that it is overloaded, raises {@link EngineUnavailableException}.
 */
public final class Cluster implements Closeable {

  /** Environment variables holding the credentials of a cluster with security on. */
  public static final String USER_VARIABLE = "PASSAGES_OPENSEARCH_USER";

  public static final String PASSWORD_VARIABLE = "PASSAGES_OPENSEARCH_PASSWORD";

  static final ObjectMapper JSON = new ObjectMapper();

  private final List<URI> nodes;
  private final ApacheHttpClient5Transport transport;
  private final OpenSearchGenericClient client;

  private Cluster(List<URI> nodes, ApacheHttpClient5Transport transport) {
    this.nodes = List.copyOf(nodes);
    this.transport = transport;
    this.client = new OpenSearchGenericClient(transport);
  }

  /**
   * Connects to the cluster at {@code nodes} (http or https URLs), with the credentials in {@link
   * #USER_VARIABLE} and {@link #PASSWORD_VARIABLE} when {@code environment} has them. Connecting
   * sends nothing: an unreachable cluster shows at the first request.
   */
  public static Cluster connect(List<URI> nodes, Map<String, String> environment) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("no OpenSearch node given");
    }
    List<HttpHost> hosts = new ArrayList<>();
    for (URI node : nodes) {
      if (node.getHost() == null
          || !("http".equals(node.getScheme()) || "https".equals(node.getScheme()))) {
        throw new IllegalArgumentException(
            "an OpenSearch node is an http:// or https:// URL, got '" + node + "'");
      }
      if (node.getUserInfo() != null) {
        // It would be printed in messages and logs; and the client would not use it.
        throw new IllegalArgumentException(
            "give OpenSearch credentials in "
                + USER_VARIABLE
                + " and "
                + PASSWORD_VARIABLE
                + ", not in the URL");
      }
      int port = node.getPort() > 0 ? node.getPort() : 9200;
      hosts.add(new HttpHost(node.getScheme(), node.getHost(), port));
    }
    String user = environment.get(USER_VARIABLE);
    String password = environment.get(PASSWORD_VARIABLE);
    ApacheHttpClient5TransportBuilder builder =
        ApacheHttpClient5TransportBuilder.builder(hosts.toArray(HttpHost[]::new))
            .setRequestConfigCallback(
                config ->
                    config
                        .setConnectionRequestTimeout(Timeout.ofSeconds(5))
                        .setResponseTimeout(Timeout.ofSeconds(30)));
    builder.setConnectionConfigCallback(
        config ->
            config.setConnectTimeout(2, TimeUnit.SECONDS).setSocketTimeout(30, TimeUnit.SECONDS));
    if (user != null && !user.isEmpty()) {
      BasicCredentialsProvider credentials = new BasicCredentialsProvider();
      for (HttpHost host : hosts) {
        credentials.setCredentials(
            new AuthScope(host),
            new UsernamePasswordCredentials(
                user, password == null ? new char[0] : password.toCharArray()));
      }
      builder.setHttpClientConfigCallback(
          client -> client.setDefaultCredentialsProvider(credentials));
    }
    return new Cluster(nodes, builder.build());
  }

  /** The nodes as given, for messages. */
  public List<URI> nodes() {
    return nodes;
  }

  /** An answer: its HTTP status and JSON body (an empty object when it had none). */
  record Answer(int status, JsonNode body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** Sends a request with a JSON body (or none, when {@code body} is null). */
  Answer send(String method, String path, Object body) {
    byte[] bytes;
    try {
      bytes = body == null ? null : JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(method, path, bytes, "application/json");
  }

  /** Sends newline-delimited JSON (a bulk request). */
  Answer sendLines(String path, byte[] lines) {
    return send("POST", path, lines, "application/x-ndjson");
  }

  /** Sends a request and expects success; anything else is the cluster's refusal. */
  JsonNode call(String method, String path, Object body) {
    Answer answer = send(method, path, body);
    if (!answer.ok()) {
      throw refusal(method, path, answer);
    }
    return answer.body();
  }

  /** The cluster's refusal of a request, with its HTTP status. */
  static final class Refused extends IllegalStateException {
    final int status;

    Refused(String message, int status) {
      super(message);
      this.status = status;
    }
  }

  static RuntimeException refusal(String method, String path, Answer answer) {
    JsonNode error = answer.body().path("error");
    String reason = error.isObject() ? error.path("reason").asText() : error.asText();
    // "all shards failed" says little: the first shard's own reason says why.
    JsonNode cause = error.path("failed_shards").path(0).path("reason");
    if (cause.isObject()) {
      reason += ": " + cause.path("reason").asText();
    } else if (error.path("root_cause").path(0).isObject()) {
      reason += ": " + error.path("root_cause").path(0).path("reason").asText();
    }
    return new Refused(
        "OpenSearch refused " + method + " " + path + " (" + answer.status() + "): " + reason,
        answer.status());
  }

  /**
   * Sends a request; a node that refuses the connection is passed over at once, each node tried at
   * most once (the client marks it dead and picks the next), so that a node lost does not fail the
   * request. Writes are safe to send again: every write has an id, or a version it depends on.
   */
  private Answer send(String method, String path, byte[] body, String contentType) {
    for (int tried = 1; ; tried++) {
      try {
        return sendOnce(method, path, body, contentType);
      } catch (EngineUnavailableException e) {
        if (!refused(e) || tried >= nodes.size()) {
          throw e;
        }
      }
    }
  }

  private Answer sendOnce(String method, String path, byte[] body, String contentType) {
    Requests.JsonBodyBuilder request = Requests.builder().method(method).endpoint(path);
    if (body != null) {
      request.body(Body.from(body, contentType));
    }
    try (Response response = client.execute(request.build())) {
      int status = response.getStatus();
      if (busy(status)) {
        throw busy(status, null);
      }
      return new Answer(status, json(response.getBody().map(Body::bodyAsBytes).orElse(null)));
    } catch (EngineUnavailableException e) {
      throw e;
    } catch (IOException e) {
      // The transport raises the cluster's own 5xx answers.
      for (Throwable cause = e;
          cause != null && cause.getCause() != cause;
          cause = cause.getCause()) {
        if (cause instanceof ResponseException answer) {
          if (busy(answer.status())) {
            throw busy(answer.status(), e);
          }
          // The cluster answered, and refused: its error, not a network's.
          return new Answer(answer.status(), json(null));
        }
      }
      throw new EngineUnavailableException(
          "the OpenSearch cluster at " + nodes + " cannot be reached (" + describe(e) + ")", e);
    }
  }

  /**
   * A body as JSON: an error that is not JSON (a proxy's page, the security plugin's plain
   * "Unauthorized") becomes {@code {"error": text}}, so that it reads as the refusal it is.
   */
  private static JsonNode json(byte[] body) {
    if (body == null || body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode json = JSON.readTree(body);
      return json == null || json.isMissingNode() ? JSON.createObjectNode() : json;
    } catch (IOException notJson) {
      return JSON.createObjectNode().put("error", utf8(body));
    }
  }

  private static boolean busy(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  private EngineUnavailableException busy(int status, Throwable cause) {
    return new EngineUnavailableException(
        "the OpenSearch cluster at "
            + nodes
            + " is overloaded or unavailable (HTTP "
            + status
            + ")",
        cause,
        true);
  }

  /**
   * Runs {@code work} until it returns, again after a growing wait (from {@code firstWait} to
   * {@code maxWait} ms) while the cluster is unavailable: {@code tries} times in all at most, as it
   * says for the failure.
   */
  static <T> T retrying(
      java.util.function.Supplier<T> work,
      java.util.function.ToIntFunction<EngineUnavailableException> tries,
      long firstWait,
      long maxWait) {
    long wait = firstWait;
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (EngineUnavailableException e) {
        if (attempt >= tries.applyAsInt(e)) {
          throw e;
        }
        try {
          Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        wait = Math.min(wait * 2, maxWait);
      }
    }
  }

  /** Whether the connection was refused: nothing was sent, another node may take it. */
  private static boolean refused(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
