package dev.passages.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.passages.SeedCorpus;
import dev.passages.search.PassageSearch;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sample of the fuzzed queries over HTTP: 200 or 400 with a message, never anything else. */
class HttpFuzzTest {

  static final int SAMPLE = 500;
  private static final Pattern ONLY_MARKS = Pattern.compile("</?mark>");

  @TempDir static Path dir;

  static PassageSearch search;
  static Javalin app;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    search = SeedCorpus.indexed(SeedCorpus.copyTo(dir), dir);
    app = WebServer.create(search).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws IOException {
    app.stop();
    search.close();
  }

  @Test
  void fuzzedQueriesGetTwoHundredOrFourHundredWithAMessage() throws Exception {
    Random random = new Random(dev.passages.search.FuzzQueries.SEED);
    int ok = 0;
    int refused = 0;
    for (int i = 0; i < SAMPLE; i++) {
      String query = dev.passages.search.FuzzQueries.query(random, i);
      for (String path : new String[] {"/api/search?q=", "/api/suggest?q="}) {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + app.port()
                                + path
                                + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status for %s%s", path, query).isIn(200, 400);
        JsonNode body = Json.mapper().readTree(response.body());
        if (response.statusCode() == 400) {
          refused++;
          assertThat(body.get("error").asText()).isNotBlank();
        } else {
          ok++;
          for (JsonNode hit : body.path("hits")) {
            assertThat(ONLY_MARKS.matcher(hit.get("highlight").asText()).replaceAll(""))
                .doesNotContain("<");
          }
        }
      }
    }
    System.out.printf("HTTP fuzz: %d answered, %d refused with a message%n", ok, refused);
  }
}
