package dev.passages.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passages.SeedCorpus;
import dev.passages.search.PassageSearch;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP API, on a real server on a free port over a real index of the seed article. */
class WebServerTest {

  @TempDir static Path dir;

  static PassageSearch search;
  static Javalin app;
  static HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    SeedCorpus.write(corpus, "commentary/a b/naïve.txt", "Steppe view\nUranium again.\n");
    search = SeedCorpus.indexed(corpus, dir);
    app = WebServer.create(search).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws IOException {
    app.stop();
    search.close();
  }

  @Test
  void searchAnswersWithHighlightedPassages() throws Exception {
    HttpResponse<String> response = get("/api/search?q=" + encode("\"color revolution\""));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode body = json(response);
    assertThat(body.get("query").asText()).isEqualTo("\"color revolution\"");
    assertThat(body.get("total").asLong()).isEqualTo(1);
    assertThat(body.get("tookMs").isNumber()).isTrue();
    JsonNode hit = body.get("hits").get(0);
    assertThat(hit.fieldNames())
        .toIterable()
        .contains(
            "id",
            "doc",
            "title",
            "source",
            "paragraph",
            "section",
            "score",
            "text",
            "highlight",
            "matches");
    assertThat(hit.get("id").asText()).isEqualTo("article#p5");
    assertThat(hit.get("paragraph").asInt()).isEqualTo(5);
    assertThat(hit.get("highlight").asText()).contains("<mark>color revolution</mark>");
    JsonNode match = hit.get("matches").get(0);
    assertThat(hit.get("text").asText().substring(match.get(0).asInt(), match.get(1).asInt()))
        .isEqualTo("color revolution");
  }

  @Test
  void limitOffsetAndSourceShapeThePage() throws Exception {
    JsonNode page = json(get("/api/search?q=uranium&limit=1&offset=1"));
    assertThat(page.get("total").asLong()).isEqualTo(2);
    assertThat(page.get("hits")).hasSize(1);
    JsonNode commentary = json(get("/api/search?q=uranium&source=commentary"));
    assertThat(commentary.get("total").asLong()).isEqualTo(1);
    assertThat(commentary.get("hits").get(0).get("source").asText()).isEqualTo("commentary");
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource({
    "limit=0, limit, 'limit must be between 1 and 100, got 0'",
    "limit=101, limit, 'limit must be between 1 and 100, got 101'",
    "limit=ten, limit, 'limit must be a whole number, got ''ten'''",
    "offset=-1, offset, 'offset must be between 0 and 10000, got -1'",
    "source=blog, source, 'source must be one of [article, commentary, comment], got ''blog'''",
  })
  void badParametersAreClearFourHundreds(String params, String parameter, String message)
      throws Exception {
    HttpResponse<String> response = get("/api/search?q=uranium&" + params);
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = json(response);
    assertThat(body.get("error").asText()).isEqualTo(message);
    assertThat(body.get("parameter").asText()).isEqualTo(parameter);
  }

  @Test
  void anAbsurdlyLongQueryIsRefusedQuickly() throws Exception {
    HttpResponse<String> response = get("/api/search?q=" + "x".repeat(10_001));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asText())
        .isEqualTo("q is 10001 characters long; the limit is 10000 characters");
  }

  @Test
  void aPastedArticleIsAnsweredByItsMostTellingWords() throws Exception {
    String article = SeedCorpus.articleText();
    String pasted = article.substring(0, article.lastIndexOf(' ', 9_000));
    HttpResponse<String> response = get("/api/search?q=" + encode(pasted));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("total").asLong()).isGreaterThan(10);
    assertThat(body.get("hits").get(0).get("doc").asText()).isEqualTo("article");
  }

  @ParameterizedTest(name = "q={0} is answered 200")
  @ValueSource(
      strings = {
        "\"",
        "(((",
        "*",
        "AND",
        "title:",
        "\\",
        "<b>uranium</b>",
        "uranium~~~",
        "[1 TO",
        "%",
        "\u0000",
        "'; DROP TABLE",
        "🙂"
      })
  void nastyQueriesGetAnAnswerNotAnError(String query) throws Exception {
    HttpResponse<String> response = get("/api/search?q=" + encode(query));
    assertThat(response.statusCode()).isEqualTo(200);
    for (JsonNode hit : json(response).get("hits")) {
      assertThat(hit.get("highlight").asText().replace("<mark>", "").replace("</mark>", ""))
          .doesNotContain("<");
    }
  }

  @Test
  void aMissingQueryFindsNothing() throws Exception {
    JsonNode body = json(get("/api/search"));
    assertThat(body.get("total").asLong()).isZero();
    assertThat(body.get("hits")).isEmpty();
  }

  @Test
  void documentsAreListedAndShownInReadingOrder() throws Exception {
    JsonNode list = json(get("/api/documents"));
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("id").asText()).isEqualTo("article");
    assertThat(list.get(0).get("passages").asInt()).isEqualTo(15);

    JsonNode article = json(get("/api/documents/article"));
    assertThat(article.get("title").asText()).startsWith("Opinion: For Putin");
    assertThat(article.get("passages")).hasSize(15);
    assertThat(article.get("passages").get(7).get("anchor").asText()).isEqualTo("h1");
  }

  @Test
  void documentIdsWithSlashesAndSpacesWork() throws Exception {
    HttpResponse<String> response = get("/api/documents/commentary/a%20b/na%C3%AFve");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("title").asText()).isEqualTo("Steppe view");
  }

  @Test
  void unknownThingsAreJsonFourOhFours() throws Exception {
    HttpResponse<String> document = get("/api/documents/nope");
    assertThat(document.statusCode()).isEqualTo(404);
    assertThat(json(document).get("error").asText()).isEqualTo("no document with id 'nope'");
    HttpResponse<String> page = get("/api/nope");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(json(page).has("error")).isTrue();
  }

  @Test
  void healthSaysOkWithThePassageCount() throws Exception {
    HttpResponse<String> response = get("/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("status").asText()).isEqualTo("ok");
    assertThat(json(response).get("passages").asInt()).isEqualTo(17);
    assertThat(json(response).get("meaning").get("state").asText()).isEqualTo("off");
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    for (String path : new String[] {"/health", "/api/search?q=uranium", "/api/nope"}) {
      HttpResponse<String> response = get(path);
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    }
  }

  @Test
  void errorsNeverShowInternals() throws Exception {
    HttpResponse<String> response = get("/api/search?q=uranium&limit=99999999999999");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.passages");
  }

  @Test
  void theSearchPageAndDocumentViewsAreServedWithTheirHeaders() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
    assertThat(page.body()).contains("<script type=\"module\" src=\"/search.js\"></script>");
    assertThat(get("/doc/article").statusCode()).isEqualTo(200);
    assertThat(get("/doc/commentary/a%20b/na%C3%AFve").statusCode()).isEqualTo(200);
    assertThat(get("/doc/nope").statusCode()).isEqualTo(404);
    for (String asset : new String[] {"/app.css", "/search.js", "/doc.js", "/api.js"}) {
      HttpResponse<String> response = get(asset);
      assertThat(response.statusCode()).as(asset).isEqualTo(200);
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
  }

  @Test
  void theUiFilesAreSentGzippedToWhoeverTakesGzipAndUnchangedFilesAreNotSentAgain()
      throws Exception {
    for (String path :
        new String[] {"/", "/doc/article", "/app.css", "/search.js", "/favicon.svg"}) {
      HttpResponse<String> plain = get(path);
      assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
      assertThat(plain.headers().firstValue("Vary")).as(path).hasValue("Accept-Encoding");
      HttpResponse<byte[]> gzipped = send(request(path).header("Accept-Encoding", "gzip, br"));
      assertThat(gzipped.statusCode()).as(path).isEqualTo(200);
      assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
      assertThat(gzipped.body().length)
          .as(path)
          .isLessThan(plain.body().getBytes(StandardCharsets.UTF_8).length);
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .as(path)
            .isEqualTo(plain.body());
      }
      // Refused by q=0: sent as it is.
      assertThat(
              send(request(path).header("Accept-Encoding", "gzip;q=0, identity"))
                  .headers()
                  .firstValue("Content-Encoding"))
          .as(path)
          .isEmpty();
      String etag = plain.headers().firstValue("ETag").orElseThrow();
      HttpResponse<byte[]> again = send(request(path).header("If-None-Match", etag));
      assertThat(again.statusCode()).as(path).isEqualTo(304);
      assertThat(again.body()).as(path).isEmpty();
      HttpResponse<byte[]> head = send(request(path).method("HEAD", BodyPublishers.noBody()));
      assertThat(head.statusCode()).as(path).isEqualTo(200);
      assertThat(head.headers().firstValue("ETag")).as(path).hasValue(etag);
      assertThat(head.headers().firstValue("Content-Type"))
          .as(path)
          .isEqualTo(plain.headers().firstValue("Content-Type"));
      assertThat(head.body()).as(path).isEmpty();
    }
    assertThat(get("/app.css").headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/css;")
        .endsWith("charset=utf-8");
    assertThat(get("/search.js").headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/javascript;")
        .endsWith("charset=utf-8");
    // An unknown document's page is the same shell, answered 404 and never 304.
    String etag = get("/doc/article").headers().firstValue("ETag").orElseThrow();
    assertThat(send(request("/doc/nope").header("If-None-Match", etag)).statusCode())
        .isEqualTo(404);
  }

  @Test
  void searchAnswersAreGzippedForWhoeverTakesGzip() throws Exception {
    HttpResponse<String> plain = get("/api/search?q=uranium");
    HttpResponse<byte[]> gzipped =
        send(request("/api/search?q=uranium").header("Accept-Encoding", "gzip"));
    assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      JsonNode answer = Json.mapper().readTree(in);
      assertThat(answer.get("hits")).isEqualTo(json(plain).get("hits"));
    }
  }

  /**
   * Each client gets the cheapest coding it takes (zstd, then brotli, then gzip), none it refuses
   * with q=0, and the same answer once decoded.
   */
  @ParameterizedTest
  @CsvSource({
    "'gzip, deflate, br, zstd', zstd",
    "'gzip, deflate, br', br",
    "'zstd;q=0, br, gzip', br",
    "'br;q=0, gzip', gzip",
    "identity, ''"
  })
  void searchAnswersGoInTheCheapestCodingTheClientTakes(String accepted, String coding)
      throws Exception {
    // Brotli's library loads in the background when first asked for; here it is waited for.
    assertThat(BrotliBytes.available()).isTrue();
    String path = "/api/search?q=kazakhstan";
    HttpResponse<String> plain = get(path);
    HttpResponse<byte[]> answer = send(request(path).header("Accept-Encoding", accepted));
    assertThat(answer.headers().firstValue("Content-Encoding").orElse("")).isEqualTo(coding);
    byte[] decoded =
        switch (coding) {
          case "zstd" -> ZstdBytesTest.decompress(answer.body());
          case "br" -> BrotliBytesTest.decompress(answer.body());
          case "gzip" ->
              new GZIPInputStream(new ByteArrayInputStream(answer.body())).readAllBytes();
          default -> answer.body();
        };
    assertThat(Json.mapper().readTree(decoded).get("hits")).isEqualTo(json(plain).get("hits"));
  }

  /**
   * An answer larger than Jetty's 8 KiB of aggregation says its length (a client can show progress
   * and reuse the connection without reading chunks), also when it is compressed.
   */
  @Test
  void aLargeSearchAnswerSaysItsLength() throws Exception {
    HttpResponse<byte[]> plain = send(request("/api/search?q=kazakhstan&limit=30"));
    assertThat(plain.body().length).isGreaterThan(8_192);
    assertThat(plain.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(plain.body().length));
    HttpResponse<byte[]> gzipped =
        send(request("/api/search?q=kazakhstan&limit=30").header("Accept-Encoding", "gzip"));
    assertThat(gzipped.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(gzipped.body().length));
  }

  @Test
  void thePagesWeighAtMost35Kilobytes() throws Exception {
    long searchPage = 0;
    for (String path : new String[] {"/", "/app.css", "/search.js", "/api.js", "/favicon.svg"}) {
      searchPage += get(path).body().getBytes(StandardCharsets.UTF_8).length;
    }
    long documentPage = 0;
    for (String path :
        new String[] {
          "/doc/article", "/app.css", "/doc.css", "/doc.js", "/api.js", "/favicon.svg"
        }) {
      documentPage += get(path).body().getBytes(StandardCharsets.UTF_8).length;
    }
    System.out.printf(
        "page weight: search %d bytes, document view %d bytes%n", searchPage, documentPage);
    assertThat(searchPage).isLessThanOrEqualTo(35_000);
    assertThat(documentPage).isLessThanOrEqualTo(35_000);
  }

  @Test
  void searchCanBeNarrowedToOneDocument() throws Exception {
    JsonNode body = json(get("/api/search?q=uranium&doc=article"));
    assertThat(body.get("total").asLong()).isEqualTo(1);
    assertThat(body.get("hits").get(0).get("doc").asText()).isEqualTo("article");
    assertThat(json(get("/api/search?q=uranium&doc=nope")).get("total").asLong()).isZero();
  }

  @Test
  void pathsOutsideTheWebFolderAreNotServed() throws Exception {
    for (String path :
        new String[] {"/../pom.xml", "/web/index.html", "/dev/passages/cli/Main.class"}) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isIn(400, 404);
      assertThat(response.body()).doesNotContain("<project").doesNotContain("<!doctype");
    }
  }

  @Test
  void completionsFinishTheLastWordAndLikelyPhrases() throws Exception {
    JsonNode kaz = json(get("/api/suggest?q=kaz"));
    assertThat(kaz.get("completions").findValuesAsText("query"))
        .startsWith("kazakhstan")
        .contains("kazakh");
    JsonNode phrase = json(get("/api/suggest?q=" + encode("color r")));
    assertThat(phrase.get("completions").get(0).get("query").asText())
        .isEqualTo("color revolution");
    JsonNode nextWord = json(get("/api/suggest?q=" + encode("color ")));
    assertThat(nextWord.get("completions").get(0).get("query").asText())
        .isEqualTo("color revolution");
    JsonNode typedCase = json(get("/api/suggest?q=" + encode("Putin's rh")));
    assertThat(typedCase.get("completions").findValuesAsText("query"))
        .containsExactly("Putin's rhetoric");
    assertThat(json(get("/api/suggest?q=zzzq")).get("completions")).isEmpty();
    assertThat(json(get("/api/suggest?q=kaz&limit=1")).get("completions")).hasSize(1);
    HttpResponse<String> tooMany = get("/api/suggest?q=kaz&limit=21");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(json(tooMany).get("error").asText())
        .isEqualTo("limit must be between 1 and 20, got 21");
  }

  @Test
  void completionsAreFastEnoughForEveryKeystroke() throws Exception {
    String[] prefixes = {"k", "ka", "kaz", "kazak", "color", "color r", "sanctions ch", "ura", "t"};
    List<Double> millis = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      for (String prefix : prefixes) {
        long start = System.nanoTime();
        assertThat(get("/api/suggest?q=" + encode(prefix)).statusCode()).isEqualTo(200);
        millis.add((System.nanoTime() - start) / 1e6);
      }
    }
    List<Double> sorted = millis.stream().sorted().toList();
    System.out.printf(
        "GET /api/suggest over HTTP: median %.2f ms, p99 %.2f ms over %d requests%n",
        sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 99 / 100), sorted.size());
  }

  @Test
  void searchSaysWhenItCorrectedOrRelaxedAndWhyEachHitMatched() throws Exception {
    JsonNode corrected = json(get("/api/search?q=Tokaev"));
    assertThat(corrected.get("correctedFrom").asText()).isEqualTo("Tokaev");
    assertThat(corrected.get("query").asText()).isEqualTo("tokayev");
    assertThat(corrected.get("relaxed").asBoolean()).isFalse();
    assertThat(corrected.get("hits").get(0).get("explain").get(0).get("how").asText())
        .isEqualTo("typo");
    JsonNode question =
        json(get("/api/search?q=" + encode("why does the Kremlin care about Kazakhstan's oil")));
    assertThat(question.get("relaxed").asBoolean()).isTrue();
    assertThat(question.get("allWords").asLong()).isZero();
    assertThat(question.get("total").asLong()).isGreaterThan(3);
    assertThat(question.get("hits").get(0).get("id").asText()).isEqualTo("article#p5");
    assertThat(question.get("hits").get(0).get("matched").asText()).isEqualTo("some");
    JsonNode plain = json(get("/api/search?q=uranium"));
    assertThat(plain.get("allWords").asLong()).isEqualTo(plain.get("total").asLong());
    assertThat(plain.get("hits").get(0).get("matched").asText()).isEqualTo("all");
    assertThat(plain.get("correctedFrom").isNull()).isTrue();
    assertThat(plain.get("suggestion").isNull()).isTrue();
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
  }

  private static HttpResponse<byte[]> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
