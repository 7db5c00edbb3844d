package dev.passages.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passages.SeedCorpus;
import dev.passages.cli.PassagesCommand;
import dev.passages.comments.CommentBoard;
import dev.passages.corpus.Source;
import dev.passages.embedding.EmbeddingModel;
import dev.passages.index.CorpusIndex;
import dev.passages.search.EngineUnavailableException;
import dev.passages.search.Hit;
import dev.passages.search.PassageSearch;
import dev.passages.search.SearchRequest;
import dev.passages.web.Json;
import dev.passages.web.WebServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What an operator expects of a cluster that loses nodes: a node lost among three (each shard with
 * a replica) changes no answer and loses no comment; a cluster that cannot be reached is a clear
 * 503 and a clear command-line error, never a stack trace; and a node that comes back is used again
 * without restarting anything.
 */
@ExtendWith(LocalCluster.class)
class ClusterResilienceTest {

  private static final List<String> QUERIES =
      List.of("uranium", "\"color revolution\"", "sanctions China", "kazakh*", "Kazakstan");

  @TempDir Path dir;

  @Test
  void losingANodeChangesNoAnswerAndLosesNoComment(LocalCluster.Running running)
      throws IOException {
    Path corpus = SeedCorpus.copyWithCommentary(dir);
    try (Cluster cluster = running.connect()) {
      OpenSearchWriter writer = OpenSearchWriter.open(cluster, "failover", 1, 1, true);
      CorpusIndex index = new CorpusIndex(corpus, writer);
      index.update();
      PassageSearch search = new PassageSearch(writer.reader(), 0, EmbeddingModel.off());
      List<JsonNode> before = QUERIES.stream().map(q -> answer(search, q)).toList();
      // Every copy started: the replica is in sync, as it is once an index has settled.
      assertThat(
              cluster
                  .call("GET", "/_cluster/health/failover?wait_for_status=green&timeout=30s", null)
                  .path("status")
                  .asText())
          .isEqualTo("green");
      int primary = primaryNode(cluster, "failover");
      running.stopNode(primary);
      try {
        assertThat(QUERIES.stream().map(q -> answer(search, q)).toList()).isEqualTo(before);
        // A comment posted now is written to disk, sent to the remaining copies, and found.
        new CommentBoard(index, search)
            .post("article", 5, "Steppe reader", "Tengiz wells rarely make the news.");
        assertThat(hits(search, "Tengiz"))
            .singleElement()
            .satisfies(hit -> assertThat(hit.source()).isEqualTo(Source.COMMENT.id()));
      } finally {
        running.startNode(primary);
      }
      assertThat(hits(search, "Tengiz")).hasSize(1);
      index.close();
    }
  }

  @Test
  void anUnreachableClusterIsAClear503AndComesBackWithoutARestart(LocalCluster.Running running)
      throws Exception {
    Path corpus = SeedCorpus.copyWithCommentary(dir);
    try (Cluster all = running.connect()) {
      OpenSearchWriter writer = OpenSearchWriter.open(all, "recovery", 1, 1, true);
      try (CorpusIndex index = new CorpusIndex(corpus, writer)) {
        index.update();
      }
    }
    // A server that knows one node only: when it is gone, nothing answers.
    int last = LocalCluster.NODES;
    try (Cluster one = Cluster.connect(List.of(running.nodes().get(last - 1)), Map.of());
        PassageSearch search =
            new PassageSearch(
                new OpenSearchEngine(one, "recovery", new AtomicLong(), 1),
                0,
                EmbeddingModel.off())) {
      Javalin app = WebServer.create(search).start("127.0.0.1", 0);
      try {
        assertThat(get(app, "/api/search?q=uranium").statusCode()).isEqualTo(200);
        running.stopNode(last);
        try {
          HttpResponse<String> down = get(app, "/api/search?q=uranium");
          assertThat(down.statusCode()).isEqualTo(503);
          assertThat(down.headers().firstValue("Content-Type"))
              .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
          JsonNode body = Json.mapper().readTree(down.body());
          assertThat(body.path("error").asText()).contains("search engine is unavailable");
          assertThat(down.body()).doesNotContain("Exception").doesNotContain("at dev.");
          assertThat(get(app, "/api/documents").statusCode()).isEqualTo(503);
          assertThat(get(app, "/health").statusCode()).isEqualTo(503);
        } finally {
          running.startNode(last);
        }
        HttpResponse<String> back = get(app, "/api/search?q=uranium");
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(back.body()).path("total").asLong()).isEqualTo(1);
      } finally {
        app.stop();
      }
    }
  }

  @Test
  void theCommandLineSaysWhenNoClusterAnswers() throws IOException {
    String nowhere = "http://127.0.0.1:" + freePort();
    for (String[] args :
        List.of(
            new String[] {"search", "--engine", "opensearch", "--opensearch", nowhere, "uranium"},
            new String[] {
              "index",
              "--corpus",
              SeedCorpus.copyTo(dir).toString(),
              "--engine",
              "opensearch",
              "--opensearch",
              nowhere
            })) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine command = PassagesCommand.commandLine();
      command.setOut(new PrintWriter(out, true));
      command.setErr(new PrintWriter(err, true));
      int exit = command.execute(args);
      assertThat(exit).as(args[0]).isNotZero();
      assertThat(err.toString())
          .as(args[0])
          .startsWith("error: the OpenSearch cluster at [" + nowhere + "] cannot be reached")
          .doesNotContain("\tat ");
    }
    try (Cluster none = Cluster.connect(List.of(URI.create(nowhere)), Map.of())) {
      OpenSearchEngine engine = new OpenSearchEngine(none, "x", new AtomicLong(), 1);
      assertThatThrownBy(engine::passageCount)
          .isInstanceOf(EngineUnavailableException.class)
          .hasMessageContaining("cannot be reached");
    }
  }

  /** The hits of {@code query} as the API sends them (offsets as arrays, compared by value). */
  private static JsonNode answer(PassageSearch search, String query) {
    return Json.mapper().valueToTree(hits(search, query));
  }

  @Test
  void credentialsAreNeverTakenFromTheCommandLine() {
    StringWriter err = new StringWriter();
    CommandLine command = PassagesCommand.commandLine();
    command.setOut(new PrintWriter(new StringWriter(), true));
    command.setErr(new PrintWriter(err, true));
    int exit =
        command.execute(
            "search",
            "--engine",
            "opensearch",
            "--opensearch",
            "http://reader:s3cret@127.0.0.1:9200",
            "uranium");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains(Cluster.USER_VARIABLE)
        .contains(Cluster.PASSWORD_VARIABLE)
        .doesNotContain("s3cret");
  }

  private static List<Hit> hits(PassageSearch search, String query) {
    return search.search(new SearchRequest(query, 10, 0, Set.of())).hits();
  }

  /** The node (1-based) that holds the primary copy of the index's one shard. */
  private static int primaryNode(Cluster cluster, String index) {
    for (JsonNode shard : cluster.call("GET", "/_cat/shards/" + index + "?format=json", null)) {
      if ("p".equals(shard.path("prirep").asText())) {
        return Integer.parseInt(shard.path("node").asText().replace("node-", ""));
      }
    }
    throw new IllegalStateException("no primary shard of " + index);
  }

  private static HttpResponse<String> get(Javalin app, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
