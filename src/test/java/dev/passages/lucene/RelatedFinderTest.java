package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.search.RelatedPassage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Related passages on an index with vectors set by hand: replies, quotes, and similar passages by
 * meaning where the paragraph has a vector and by shared words where not.
 */
class RelatedFinderTest {

  @TempDir static Path dir;
  private static LuceneWriter writer;
  private static LuceneEngine engine;

  @BeforeAll
  static void index() throws IOException {
    Path corpus = dir.resolve("corpus");
    SeedCorpus.write(
        corpus,
        "atlas.txt",
        """
        Atlas fixture
        Lithium brine pools glitter under the desert sun near the salt flats.
        Another lithium paragraph of the same document about brine.
        Exactly eight words stand in this paragraph now.
        Cobalt refineries pollute rivers and cobalt miners earn little money today.
        """);
    SeedCorpus.write(
        corpus,
        "commentary/notes.txt",
        """
        Notes fixture
        Salt flats shine in the heat.
        Quoted: Exactly eight words stand in this paragraph now. Again: EXACTLY EIGHT WORDS STAND IN THIS PARAGRAPH NOW!
        Cobalt refineries pollute rivers while miners earn little.
        Lithium brine glitter desert sun salt pools flats.
        """);
    writer = HandSetVectors.index(corpus, dir.resolve("index"), RelatedFinderTest::vectorOf);
    engine = LuceneEngine.live(writer);
  }

  private static float[] vectorOf(String text) {
    if (text.startsWith("Lithium brine pools") || text.startsWith("Another lithium")) {
      return at(0.95f);
    }
    if (text.startsWith("Salt flats")) {
      return at(0.9f);
    }
    if (text.startsWith("Lithium brine glitter")) {
      return at(0f);
    }
    return null;
  }

  /** A unit vector at cosine {@code cosine} to e0. */
  private static float[] at(float cosine) {
    return HandSetVectors.at(0, 1, cosine);
  }

  @AfterAll
  static void close() throws IOException {
    writer.close();
  }

  private static List<String> related(int paragraph) {
    return engine.related("atlas", paragraph).orElseThrow().stream()
        .map(r -> r.reason() + " " + r.passage().id() + " " + r.quote() + " " + r.similarity())
        .toList();
  }

  /**
   * By meaning: the commentary passage at cosine 0.99 is similar; the one holding the same words at
   * cosine 0.31 is not, nor is the paragraph of the same document however close.
   */
  @Test
  void aParagraphWithAVectorIsRelatedByMeaningAloneAndOnlyToOtherDocuments() {
    assertThat(related(1)).containsExactly("similar commentary/notes#p1 null 0.99");
  }

  /** A quote of all eight words, twice, in two cases: the first as it stands is the quote. */
  @Test
  void aParagraphOfExactlyEightWordsIsFoundQuotedAndTheFirstQuoteIsGiven() {
    assertThat(related(3))
        .containsExactly(
            "quote commentary/notes#p2 Exactly eight words stand in this paragraph now null");
  }

  /**
   * Without a vector, MoreLikeThis answers, with its score as a share of the paragraph's own: about
   * three quarters (the document frequencies it reads count replaced passages until a merge drops
   * them, so the second decimal may vary).
   */
  @Test
  void aParagraphWithoutAVectorIsRelatedByTheWordsItShares() {
    List<RelatedPassage> related = engine.related("atlas", 4).orElseThrow();
    assertThat(related)
        .extracting(r -> r.reason() + " " + r.passage().id())
        .containsExactly("similar commentary/notes#p3");
    assertThat(related.getFirst().similarity()).isBetween(0.7f, 0.85f);
  }
}
