package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.search.CompletionRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completions read from a small index whose counts are known: which words and pairs come back, in
 * which order, with how many passages, and where the typed syntax is kept.
 */
class CompleterTest {

  /**
   * alpha is in 5 passages, followed by beta twice and by bravo, beacon and bison once each; bison
   * is in 6 passages, so as a word it outranks beta.
   */
  private static final String NOTES =
      """
      Completion fixture
      alpha beta gamma.
      alpha beta delta.
      alpha bravo.
      the alpha beacon.
      alpha bison.
      bison one.
      bison two.
      bison three.
      bison four.
      bison five.
      version 3.5 ships.
      ships sail.
      the bear's roar.
      roar loud.
      """;

  /** More terms starting with zq than a prefix scan reads, zq5000 past them. */
  private static final int MANY_TERMS = 5_001;

  @TempDir static Path dir;
  private static LuceneEngine engine;

  @BeforeAll
  static void index() throws IOException {
    Path corpus = dir.resolve("corpus");
    SeedCorpus.write(
        corpus, "notes.txt", NOTES + manyTerms() + "omega zq0001.\nomega zq5000.\nzq0002 omega.\n");
    new Indexer(corpus, dir.resolve("index")).rebuild();
    engine = LuceneEngine.open(dir.resolve("index"));
  }

  @AfterAll
  static void close() throws IOException {
    engine.close();
  }

  /** Lines of 100 words each: zq0000 to zq5000, each once. */
  private static String manyTerms() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < MANY_TERMS; i++) {
      text.append(String.format("zq%04d", i)).append(i % 100 == 99 ? ".\n" : " ");
    }
    return text.append(".\n").toString();
  }

  private static List<String> complete(String typed, int limit) {
    return engine.complete(new CompletionRequest(typed, limit)).stream()
        .map(c -> c.query() + "=" + c.passages())
        .toList();
  }

  @Test
  void aWordIsCompletedFromTheIndexMostPassagesFirst() {
    assertThat(complete("alp", 5)).containsExactly("alpha=5");
    assertThat(complete("b", 20))
        .containsExactly("bison=6", "beta=2", "beacon=1", "bear's=1", "bravo=1");
  }

  @Test
  void aWordTypedInFullIsNotOfferedBackInAnyCase() {
    assertThat(complete("alpha", 20)).isEmpty();
    assertThat(complete("Alpha", 20)).isEmpty();
    assertThat(complete("  ", 20)).isEmpty();
  }

  /** The pairs that exist come first, by how many passages hold them; then the lone words. */
  @Test
  void theLastTwoWordsAreCompletedFromThePassagesThatHoldThem() {
    assertThat(complete("alpha b", 20))
        .containsExactly(
            "alpha beta=2", "alpha bison=1", "alpha beacon=1", "alpha bravo=1", "alpha bear's=1");
    assertThat(complete("bear's r", 20)).containsExactly("bear's roar=1");
  }

  @Test
  void beforeTheNextWordIsTypedTheWordsThatFollowThePreviousOneAreOffered() {
    assertThat(complete("alpha ", 20))
        .containsExactly("alpha beta=2", "alpha beacon=1", "alpha bison=1", "alpha bravo=1");
  }

  @Test
  void theLimitIsExact() {
    assertThat(complete("alpha b", 1)).containsExactly("alpha beta=2");
    assertThat(complete("alpha b", 4)).hasSize(4);
    assertThat(complete("alpha b", 5)).hasSize(5);
  }

  @Test
  void quotesMinusSignsAndBracketsBeforeTheWordAreKeptAsTyped() {
    assertThat(complete("\"alp", 5)).containsExactly("\"alpha=5");
    assertThat(complete("-(alp", 5)).containsExactly("-(alpha=5");
    assertThat(complete("\"", 5)).isEmpty();
    // A phrase or an exclusion just begun is no pair: the word alone, with its own count.
    assertThat(complete("alpha \"bi", 5)).containsExactly("alpha \"bison=6");
  }

  /** "3.5" is a term, but a word with a dot is no plain word: neither completed nor paired. */
  @Test
  void onlyPlainWordsAreCompletedOrPaired() {
    assertThat(complete("3.", 5)).isEmpty();
    assertThat(complete("3.5 sh", 5)).containsExactly("3.5 ships=2");
  }

  /**
   * Past the first {@value Completer#PAIR_CANDIDATES} candidates of a prefix with more terms than
   * are scanned, a pair is still found by reading the passages that hold the previous word.
   */
  @Test
  void aPairBeyondTheScannedTermsIsStillFound() {
    assertThat(complete("omega zq", 3))
        .containsExactly("omega zq0001=1", "omega zq5000=1", "omega zq0002=2");
  }

  /** A passage that ends with the previous word has nothing after it to offer. */
  @Test
  void aPassageEndingWithThePreviousWordAddsNoFollower() {
    assertThat(complete("omega ", 5)).containsExactly("omega zq0001=1", "omega zq5000=1");
  }
}
