package dev.passages.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passages.LiveSearch;
import dev.passages.SeedCorpus;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeated searches answered from the bytes kept for them, as serve runs by default (kept answers
 * on): the same answer, plain, gzipped, in zstd and in brotli, as the first time, with its own
 * time; and a new answer once the index changes.
 */
class KeptAnswersTest {

  @TempDir static Path dir;

  static LiveSearch live;
  static Javalin app;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    live = LiveSearch.open(corpus, dir.resolve("index"), 256);
    app =
        WebServer.create(live.search(), live.comments(), WebOptions.DEFAULTS).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws IOException {
    app.stop();
    live.close();
  }

  @Test
  void aRepeatedSearchIsTheSameAnswerPlainGzippedInZstdOrInBrotliWithItsOwnTime() throws Exception {
    // Brotli's library loads in the background when first asked for; here it is waited for.
    assertThat(BrotliBytes.available()).isTrue();
    String path =
        "/api/search?q=" + URLEncoder.encode("Kazakhstan uranium", StandardCharsets.UTF_8);
    JsonNode first = json(get(path, null));
    assertThat(first.get("hits").size()).isPositive();
    for (int i = 0; i < 3; i++) {
      HttpResponse<byte[]> plain = get(path, null);
      assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
      HttpResponse<byte[]> gzipped = get(path, "gzip");
      assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
      assertThat(gzipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
      byte[] inflated = gunzip(gzipped.body());
      HttpResponse<byte[]> zstd = get(path, "gzip, deflate, br, zstd");
      assertThat(zstd.headers().firstValue("Content-Encoding")).hasValue("zstd");
      byte[] decompressed = ZstdBytesTest.decompress(zstd.body());
      // Kept answers go gzipped to a client that takes gzip too (spliced, not compressed again),
      // in brotli to one that takes only that.
      HttpResponse<byte[]> safari = get(path, "gzip, deflate, br");
      assertThat(safari.headers().firstValue("Content-Encoding")).hasValue("gzip");
      HttpResponse<byte[]> brotli = get(path, "br");
      assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
      byte[] decoded = BrotliBytesTest.decompress(brotli.body());
      for (JsonNode again :
          new JsonNode[] {
            json(plain),
            Json.mapper().readTree(inflated),
            Json.mapper().readTree(gunzip(safari.body())),
            Json.mapper().readTree(decompressed),
            Json.mapper().readTree(decoded)
          }) {
        // A kept answer's time is that of the lookup: a number, never the first search's.
        assertThat(again.get("tookMs").isNumber()).isTrue();
        assertThat(again.get("tookMs").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(withoutTime(again)).isEqualTo(withoutTime(first));
      }
    }
  }

  /**
   * Brotli costs a quarter of gzip's CPU for an answer made afresh, but a repeated one is spliced
   * from parts gzipped once, where brotli would compress it whole again.
   */
  @Test
  void aNewAnswerGoesInBrotliAndItsRepeatsGzippedToAClientTakingBoth() throws Exception {
    assertThat(BrotliBytes.available()).isTrue();
    String path = "/api/search?q=" + URLEncoder.encode("Russia China oil", StandardCharsets.UTF_8);
    HttpResponse<byte[]> fresh = get(path, "gzip, deflate, br");
    assertThat(fresh.headers().firstValue("Content-Encoding")).hasValue("br");
    JsonNode first = Json.mapper().readTree(BrotliBytesTest.decompress(fresh.body()));
    assertThat(first.get("hits").size()).isPositive();
    for (int i = 0; i < 2; i++) {
      HttpResponse<byte[]> repeated = get(path, "gzip, deflate, br");
      assertThat(repeated.headers().firstValue("Content-Encoding")).hasValue("gzip");
      assertThat(withoutTime(Json.mapper().readTree(gunzip(repeated.body()))))
          .isEqualTo(withoutTime(first));
    }
  }

  @Test
  void aSmallAnswerGoesPlainEvenToAClientTakingCompression() throws Exception {
    String path = "/api/search?q=zzzznothing";
    for (int i = 0; i < 2; i++) {
      HttpResponse<byte[]> response = get(path, "gzip, zstd");
      assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(json(response).get("total").asLong()).isZero();
    }
  }

  @Test
  void aRepeatedSearchAfterTheIndexChangedIsAnsweredAfresh() throws Exception {
    String path = "/api/search?q=quokkas";
    assertThat(json(get(path, "gzip")).get("total").asLong()).isZero();
    HttpResponse<String> posted =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/comments"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"doc\": \"article\", \"author\": \"A\", \"text\": \"Quokkas"
                            + " everywhere, and more quokkas on the steppe. "
                            + "Uranium and oil and gas. ".repeat(60)
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).isEqualTo(201);
    assertThat(BrotliBytes.available()).isTrue();
    for (String encoding : new String[] {"gzip", null, "zstd", "br", "gzip", "zstd", "br"}) {
      HttpResponse<byte[]> response = get(path, encoding);
      JsonNode body =
          encoding == null
              ? json(response)
              : Json.mapper()
                  .readTree(
                      switch (encoding) {
                        case "gzip" -> gunzip(response.body());
                        case "zstd" -> ZstdBytesTest.decompress(response.body());
                        default -> BrotliBytesTest.decompress(response.body());
                      });
      assertThat(body.get("total").asLong()).isEqualTo(1);
      assertThat(body.get("hits").get(0).get("highlight").asText())
          .contains("<mark>Quokkas</mark>");
    }
  }

  private static JsonNode withoutTime(JsonNode answer) {
    ObjectNode copy = answer.deepCopy();
    copy.remove("tookMs");
    return copy;
  }

  private static HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    HttpResponse<byte[]> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }

  private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }

  private static byte[] gunzip(byte[] gzipped) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    }
  }

  private static String base() {
    return "http://127.0.0.1:" + app.port();
  }
}
