package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand random and adversarial queries from a seeded generator: every one is answered or
 * refused with a message, no exception escapes, every highlight is inert HTML, none is slow.
 */
class QueryFuzzTest {

  static final int QUERIES = 10_000;
  static final int WARM_UP = 1_000;

  /** A generous bound: the slowest query is printed; only a pathological one fails the test. */
  static final long MAX_MILLIS = 2_000;

  private static final Pattern ONLY_MARKS = Pattern.compile("</?mark>");

  @TempDir static Path dir;

  static PassageSearch search;

  @BeforeAll
  static void index() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    SeedCorpus.write(
        corpus, "comments/c.txt", "Hostile\n<script>alert('x')</script> & <b>bold</b>\n");
    search = SeedCorpus.indexed(corpus, dir);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  @Test
  void randomAndAdversarialQueriesAreAnsweredSafely() {
    // A warmed-up JVM, as a running server is: the first calls pay for class loading and JIT.
    Random warmUp = new Random(FuzzQueries.SEED + 1);
    for (int i = 0; i < WARM_UP; i++) {
      try {
        search.search(SearchRequest.of(FuzzQueries.query(warmUp, i)));
      } catch (InvalidRequestException e) {
        // too long; counted in the timed run
      }
    }
    Random random = new Random(FuzzQueries.SEED);
    List<Timed> timings = new ArrayList<>(QUERIES);
    int refused = 0;
    long hits = 0;
    for (int i = 0; i < QUERIES; i++) {
      String query = FuzzQueries.query(random, i);
      long start = System.nanoTime();
      try {
        SearchResult result = search.search(new SearchRequest(query, 10, 0, Set.of()));
        hits += result.hits().size();
        for (Hit hit : result.hits()) {
          assertThat(ONLY_MARKS.matcher(hit.highlight()).replaceAll(""))
              .as("highlight of %s for %s", hit.id(), printable(query))
              .doesNotContain("<")
              .doesNotContain(">");
        }
      } catch (InvalidRequestException e) {
        refused++;
        assertThat(e.getMessage()).isNotBlank();
        assertThat(query.length()).isGreaterThan(SearchRequest.MAX_QUERY_CHARS);
      }
      timings.add(new Timed(query, (System.nanoTime() - start) / 1_000_000.0));
    }
    timings.sort(Comparator.comparingDouble(Timed::millis).reversed());
    double total = timings.stream().mapToDouble(Timed::millis).sum();
    System.out.printf(
        "fuzzed %d queries (seed %d): %d refused as too long, %d hits, mean %.2f ms; slowest:%n",
        QUERIES, FuzzQueries.SEED, refused, hits, total / QUERIES);
    timings.stream()
        .limit(5)
        .forEach(t -> System.out.printf("  %7.2f ms  %s%n", t.millis(), printable(t.query())));
    assertThat(timings.getFirst().millis()).isLessThan(MAX_MILLIS);
  }

  static String printable(String query) {
    String shown =
        query.length() > 80 ? query.substring(0, 80) + "…(" + query.length() + ")" : query;
    StringBuilder out = new StringBuilder();
    shown
        .codePoints()
        .forEach(
            c ->
                out.append(
                    Character.isISOControl(c) || Character.isSurrogate((char) c)
                        ? String.format("\\u%04x", c)
                        : Character.toString(c)));
    return out.toString();
  }

  record Timed(String query, double millis) {}
}
