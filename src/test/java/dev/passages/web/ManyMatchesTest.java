package dev.passages.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.passages.SeedCorpus;
import dev.passages.corpus.Source;
import dev.passages.lucene.Indexer;
import dev.passages.lucene.LuceneEngine;
import dev.passages.search.Hit;
import dev.passages.search.PassageSearch;
import dev.passages.search.SearchRequest;
import dev.passages.search.SearchResult;
import dev.passages.search.SourceCounts;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query matching more passages than a search counts ({@link PassageSearch#COUNT_UP_TO}): the
 * total is then the number counted, "at least" so many, unless the index knows it exactly, and the
 * first page is still the best one, ties in reading order. A real index on disk and a real server
 * on a free port.
 */
class ManyMatchesTest {

  /** Paragraphs of the big report, each with both harvest words. */
  static final int PARAGRAPHS = 1_200;

  @TempDir static Path dir;

  static PassageSearch search;
  static Javalin app;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    Path corpus = dir.resolve("corpus");
    Files.createDirectories(corpus);
    String report =
        IntStream.rangeClosed(1, PARAGRAPHS)
            .mapToObj(i -> "Report " + i + " says the wheat and the barley grew well this year.")
            .collect(Collectors.joining("\n", "Harvest reports\n", "\n"));
    SeedCorpus.write(corpus, "reports.txt", report);
    SeedCorpus.write(
        corpus, "commentary/view.txt", "A view\nThe barley and the wheat will not last.\n");
    SeedCorpus.write(corpus, "comments/b.txt", "Rye bread is best.\n");
    // Indexed after comments/b, so Lucene holds it later; it still comes first among equals.
    new Indexer(corpus, dir.resolve("index")).rebuild();
    SeedCorpus.write(corpus, "comments/a.txt", "Rye bread is best.\n");
    new Indexer(corpus, dir.resolve("index")).update();
    search = new PassageSearch(LuceneEngine.open(dir.resolve("index")));
    app = WebServer.create(search).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws IOException {
    app.stop();
    search.close();
  }

  @Test
  void pastTheCountingLimitTheTotalIsALowerBound() {
    SearchResult result = search.search(SearchRequest.of("wheat barley"));
    assertThat(result.totalExact()).isFalse();
    assertThat(result.total()).isBetween((long) PassageSearch.COUNT_UP_TO, PARAGRAPHS + 1L);
    assertThat(result.sources().exact()).isFalse();
    assertThat(result.sources().article() + result.sources().commentary())
        .isLessThanOrEqualTo(PARAGRAPHS + 1);
    assertThat(result.hits()).hasSize(10);
  }

  @Test
  void aSingleWordIsCountedExactlyFromTheIndex() {
    SearchResult result = search.search(SearchRequest.of("wheat"));
    assertThat(result.totalExact()).isTrue();
    assertThat(result.total()).isEqualTo(PARAGRAPHS + 1);
    // Per source too, though the ranking skipped most of the matches.
    assertThat(result.sources()).isEqualTo(new SourceCounts(PARAGRAPHS, 1, 0, true));
    assertThat(result.hits())
        .extracting(Hit::id)
        .startsWith("commentary/view#p1", "reports#p1", "reports#p2");
    SearchResult later = search.search(new SearchRequest("wheat", 3, 1_000, Set.of()));
    assertThat(later.hits())
        .extracting(Hit::id)
        .containsExactly("reports#p1000", "reports#p1001", "reports#p1002");
  }

  @Test
  void aSingleWordInAnIndexWithDeletionsIsCountedAsOthersAre() throws IOException {
    Path corpus = dir.resolve("with-deletions");
    Files.createDirectories(corpus);
    Files.copy(dir.resolve("corpus/reports.txt"), corpus.resolve("reports.txt"));
    SeedCorpus.write(corpus, "commentary/view.txt", "A view\nThe wheat will last.\n");
    Path index = dir.resolve("with-deletions-index");
    new Indexer(corpus, index).rebuild();
    SeedCorpus.write(corpus, "commentary/view.txt", "A view\nThe wheat will not last.\n");
    new Indexer(corpus, index).update(); // the old view's passages are deleted, not yet merged
    // Lucene may merge them away at the commit on a busy machine (seen once in CI): then there is
    // no index with deletions to test.
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      assumeTrue(reader.hasDeletions(), "the deletions were merged away at the commit");
    }
    try (PassageSearch deleted = new PassageSearch(LuceneEngine.open(index))) {
      SearchResult word = deleted.search(SearchRequest.of("wheat"));
      assertThat(word.totalExact()).isFalse();
      assertThat(word.total()).isBetween((long) PassageSearch.COUNT_UP_TO, PARAGRAPHS + 1L);
      assertThat(word.sources().exact()).isFalse();
      assertThat(word.hits()).extracting(Hit::id).startsWith("commentary/view#p1");
    }
  }

  @Test
  void belowTheLimitEverythingIsExact() {
    SearchResult result = search.search(SearchRequest.of("bread"));
    assertThat(result.totalExact()).isTrue();
    assertThat(result.total()).isEqualTo(2);
    assertThat(result.sources().exact()).isTrue();
    assertThat(result.sources().comment()).isEqualTo(2);
  }

  @Test
  void inACorpusOfOneSourceAnExactTotalIsThatSourcesCount() throws IOException {
    Path corpus = dir.resolve("articles-only");
    Files.createDirectories(corpus);
    Files.copy(dir.resolve("corpus/reports.txt"), corpus.resolve("reports.txt"));
    new Indexer(corpus, dir.resolve("articles-only-index")).rebuild();
    try (PassageSearch articles =
        new PassageSearch(LuceneEngine.open(dir.resolve("articles-only-index")))) {
      SearchResult word = articles.search(SearchRequest.of("wheat"));
      assertThat(word.totalExact()).isTrue();
      assertThat(word.sources()).isEqualTo(new SourceCounts(PARAGRAPHS, 0, 0, true));
      SearchResult words = articles.search(SearchRequest.of("wheat barley"));
      assertThat(words.totalExact()).isFalse();
      assertThat(words.sources().exact()).isFalse();
    }
  }

  @Test
  void aSourceFilterStillCountsEverySourceExactly() {
    SearchResult result =
        search.search(new SearchRequest("wheat barley", 10, 0, Set.of(Source.COMMENTARY)));
    assertThat(result.totalExact()).isTrue();
    assertThat(result.total()).isEqualTo(1);
    assertThat(result.sources().exact()).isTrue();
    assertThat(result.sources().article()).isEqualTo(PARAGRAPHS);
    assertThat(result.sources().commentary()).isEqualTo(1);
  }

  @Test
  void theBestPassagesComeFirstAndEqualOnesInReadingOrder() {
    // Every report paragraph scores the same; the commentary's is shorter and ranks first.
    SearchResult result = search.search(new SearchRequest("wheat barley", 5, 0, Set.of()));
    assertThat(result.hits())
        .extracting(Hit::id)
        .containsExactly(
            "commentary/view#p1", "reports#p1", "reports#p2", "reports#p3", "reports#p4");
    SearchResult later = search.search(new SearchRequest("wheat barley", 5, 995, Set.of()));
    assertThat(later.hits()).extracting(Hit::id).startsWith("reports#p995");
    assertThat(search.search(SearchRequest.of("bread")).hits())
        .extracting(Hit::doc)
        .containsExactly("comments/a", "comments/b");
  }

  @Test
  void aListingIsCountedExactlyAndComesInReadingOrder() throws Exception {
    SearchResult all = search.search(new SearchRequest("*", 3, 0, Set.of()));
    assertThat(all.totalExact()).isTrue();
    assertThat(all.total()).isEqualTo(PARAGRAPHS + 5); // 1 title, 2 commentary, 2 comments
    assertThat(all.sources()).isEqualTo(new SourceCounts(PARAGRAPHS + 1, 2, 2, true));
    assertThat(all.hits())
        .extracting(Hit::id)
        .containsExactly("commentary/view#title", "commentary/view#p1", "comments/a#title");
    JsonNode listed = get("*");
    assertThat(listed.get("hits").get(0).get("score").isNumber()).isTrue();
  }

  @Test
  void theApiSaysWhetherTheTotalIsExact() throws Exception {
    JsonNode many = get("wheat barley");
    assertThat(many.get("total").asLong()).isGreaterThanOrEqualTo(PassageSearch.COUNT_UP_TO);
    assertThat(many.get("totalExact").asBoolean()).isFalse();
    assertThat(many.get("sources").get("exact").asBoolean()).isFalse();
    JsonNode few = get("bread");
    assertThat(few.get("totalExact").asBoolean()).isTrue();
    assertThat(few.get("sources").get("comment").asLong()).isEqualTo(2);
    assertThat(few.get("sources").get("exact").asBoolean()).isTrue();
  }

  private static JsonNode get(String q) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + app.port()
                            + "/api/search?q="
                            + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
