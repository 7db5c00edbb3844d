package dev.passages.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passages.LiveSearch;
import dev.passages.SeedCorpus;
import dev.passages.search.PassageSearch;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reader comments over HTTP against a live index: stored, searchable, validated, deletable. */
class CommentApiTest {

  static final String TOKEN = "s3cret-token";

  @TempDir Path dir;

  Path corpus;
  LiveSearch live;
  PassageSearch search;
  Javalin app;
  final HttpClient http = HttpClient.newHttpClient();

  void start(WebOptions options) throws IOException {
    corpus = SeedCorpus.copyTo(dir);
    live = LiveSearch.open(corpus, dir.resolve("index"));
    search = live.search();
    app = WebServer.create(search, live.comments(), options).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() throws IOException {
    if (app != null) {
      app.stop();
      live.close();
    }
  }

  @Test
  void aPostedCommentIsOnDiskBeforeTheAnswerAndSearchableAfterIt() throws Exception {
    start(new WebOptions(100, null));
    long posted = System.nanoTime();
    HttpResponse<String> response =
        post(
            "{\"doc\": \"article\", \"paragraph\": 5, \"author\": \"Ada\","
                + " \"text\": \"Uranium matters more than oil here.\\nSecond thought: zeppelins.\"}");
    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode comment = json(response);
    String id = comment.get("id").asText();
    assertThat(comment.get("doc").asText()).isEqualTo("article");
    assertThat(comment.get("paragraph").asInt()).isEqualTo(5);
    assertThat(comment.get("author").asText()).isEqualTo("Ada");
    assertThat(response.headers().firstValue("Location")).hasValue("/api/comments/" + id);

    Path file = corpus.resolve("comments/" + id + ".txt");
    assertThat(file).exists();
    assertThat(Files.readString(file))
        .contains("author: Ada")
        .contains("about: article#p5")
        .endsWith("Uranium matters more than oil here.\nSecond thought: zeppelins.\n");

    JsonNode found = json(get("/api/search?q=zeppelins"));
    assertThat(found.get("total").asInt()).isEqualTo(1);
    System.out.printf(
        "POST /api/comments to found by search: %.0f ms%n", (System.nanoTime() - posted) / 1e6);
    JsonNode hit = found.get("hits").get(0);
    assertThat(hit.get("source").asText()).isEqualTo("comment");
    assertThat(hit.get("title").asText()).isEqualTo("Comment by Ada");

    JsonNode listed = json(get("/api/documents/article/comments"));
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("id").asText()).isEqualTo(id);
    assertThat(listed.get(0).get("paragraph").asInt()).isEqualTo(5);
    assertThat(listed.get(0).get("text").asText())
        .isEqualTo("Uranium matters more than oil here.\nSecond thought: zeppelins.");

    JsonNode related = json(get("/api/documents/article/paragraphs/5/related"));
    assertThat(related.findValuesAsText("reason")).contains("reply");
  }

  @ParameterizedTest(name = "{0} -> 400 on {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"paragraph\": 1, \"author\": \"A\", \"text\": \"t\"} | doc | doc is required",
        "{\"doc\": \"nope\", \"author\": \"A\", \"text\": \"t\"} | doc | doc must be the id of an article or commentary, got 'nope'",
        "{\"doc\": \"article\", \"paragraph\": 99, \"author\": \"A\", \"text\": \"t\"} | paragraph | paragraph must be between 1 and 13 for article, got 99",
        "{\"doc\": \"article\", \"paragraph\": \"five\", \"author\": \"A\", \"text\": \"t\"} | paragraph | paragraph must be a whole number",
        "{\"doc\": \"article\", \"author\": \"  \", \"text\": \"t\"} | author | author is required",
        "{\"doc\": \"article\", \"author\": \"A\\nB\", \"text\": \"t\"} | author | author must be one line of text",
        "{\"doc\": \"article\", \"author\": \"A\"} | text | text is required",
        "not json | body | the body must be a JSON object: {\"doc\", \"author\", \"text\", \"paragraph\"}",
      })
  void invalidCommentsAreRefusedNamingTheField(String body, String field, String message)
      throws Exception {
    start(new WebOptions(100, null));
    HttpResponse<String> response = post(body);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("parameter").asText()).isEqualTo(field);
    assertThat(json(response).get("error").asText()).isEqualTo(message);
    try (var files = Files.list(corpus)) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("comments");
    }
  }

  @Test
  void lengthLimitsAreNamed() throws Exception {
    start(new WebOptions(100, null));
    HttpResponse<String> longAuthor =
        post("{\"doc\": \"article\", \"author\": \"" + "a".repeat(81) + "\", \"text\": \"t\"}");
    assertThat(json(longAuthor).get("error").asText())
        .isEqualTo("author is 81 characters long; the limit is 80");
    HttpResponse<String> longText =
        post("{\"doc\": \"article\", \"author\": \"A\", \"text\": \"" + "x".repeat(5001) + "\"}");
    assertThat(json(longText).get("error").asText())
        .isEqualTo("text is 5001 characters long; the limit is 5000");
    HttpResponse<String> huge =
        post("{\"doc\": \"article\", \"author\": \"A\", \"text\": \"" + "x".repeat(20_000) + "\"}");
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(json(huge).get("error").asText())
        .startsWith("the body is 20")
        .endsWith("the limit is 16384");
  }

  @Test
  void postingIsRateLimitedPerAddress() throws Exception {
    start(new WebOptions(2, null));
    String body = "{\"doc\": \"article\", \"author\": \"A\", \"text\": \"Hello.\"}";
    assertThat(post(body).statusCode()).isEqualTo(201);
    assertThat(post(body).statusCode()).isEqualTo(201);
    HttpResponse<String> third = post(body);
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 60));
    assertThat(json(third).get("error").asText()).contains("at most 2 a minute");
  }

  @Test
  void deletionIsOffWithoutAToken() throws Exception {
    start(new WebOptions(100, null));
    String id =
        json(post("{\"doc\": \"article\", \"author\": \"A\", \"text\": \"Hi.\"}"))
            .get("id")
            .asText();
    HttpResponse<String> response = delete(id, TOKEN);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response).get("error").asText()).contains("disabled");
  }

  @Test
  void deletionNeedsTheRightTokenAndRemovesFileAndIndexEntry() throws Exception {
    start(new WebOptions(100, TOKEN));
    String id =
        json(post("{\"doc\": \"article\", \"author\": \"A\", \"text\": \"Quokkas everywhere.\"}"))
            .get("id")
            .asText();
    assertThat(json(get("/api/search?q=quokkas")).get("total").asInt()).isEqualTo(1);

    HttpResponse<String> anonymous = delete(id, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(delete(id, "wrong").statusCode()).isEqualTo(403);
    assertThat(delete("20000101T000000Z-aaaaaaaa", TOKEN).statusCode()).isEqualTo(404);
    assertThat(delete("..%2F..%2Fetc", TOKEN).statusCode()).isIn(400, 404);

    assertThat(delete(id, TOKEN).statusCode()).isEqualTo(204);
    assertThat(corpus.resolve("comments/" + id + ".txt")).doesNotExist();
    assertThat(json(get("/api/search?q=quokkas")).get("total").asInt()).isZero();
    assertThat(json(get("/api/documents/article/comments"))).isEmpty();
  }

  @Test
  void searchCountsMatchesPerSource() throws Exception {
    start(new WebOptions(100, null));
    post("{\"doc\": \"article\", \"author\": \"A\", \"text\": \"Uranium, again.\"}");
    JsonNode result = json(get("/api/search?q=uranium&source=article"));
    assertThat(result.get("total").asInt()).isEqualTo(1);
    assertThat(result.get("sources").get("article").asInt()).isEqualTo(1);
    assertThat(result.get("sources").get("comment").asInt()).isEqualTo(1);
    assertThat(result.get("sources").get("commentary").asInt()).isZero();
  }

  private HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri("/api/comments"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> delete(String id, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/comments/" + id)).DELETE();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }
}
