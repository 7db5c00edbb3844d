package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What discusses a paragraph: replies, quotes and similar passages, each with its reason. */
class RelatedPassagesTest {

  @TempDir static Path dir;

  static PassageSearch search;

  @BeforeAll
  static void index() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    SeedCorpus.write(
        corpus,
        "comments/20260101T000000Z-aaaaaaaa.txt",
        "---\ntitle: Comment by Ada\nauthor: Ada\ndate: 2026-01-01T00:00:00Z\nabout: article#p5\n---\n"
            + "I doubt the uranium figure.\nBut the rest holds\n");
    SeedCorpus.write(
        corpus,
        "comments/20260102T000000Z-bbbbbbbb.txt",
        "---\ntitle: Comment by Bo\nauthor: Bo\nabout: article\n---\n"
            + "The piece says Moscow “quickly agreed to President Tokayev’s request that the"
            + " Collective Security Treaty Organization” … “send peacekeeping forces” and I agree.\n");
    SeedCorpus.write(
        corpus,
        "commentary/quoting.md",
        "# Quoting the op-ed\n\nAs the author puts it, “Letting Kazakhstan slip further into a"
            + " Western circle … would be a blow to Russian pride and would indicate that Moscow is"
            + " loosening its grip”.\n");
    SeedCorpus.write(
        corpus,
        "commentary/paraphrase.txt",
        "Oil, gas and uranium\nKazakhstan holds proven oil reserves and gas, produced nearly half"
            + " of the world's uranium in 2019, and the Kremlin fears a color revolution there that"
            + " could inspire protest movements in Russia.\n");
    SeedCorpus.write(
        corpus,
        "commentary/elided.txt",
        "Familiar tactics\nThe writer lists “a brutal crackdown, sowing disinformation, …"
            + " throttling social media” as the Belarus playbook.\n");
    SeedCorpus.write(
        corpus,
        "commentary/unrelated.txt",
        "Gardening notes\nTomatoes need sun and water; prune them in July for a better harvest.\n");
    SeedCorpus.write(
        corpus,
        "commentary/name-only.txt",
        "Other news\nPutin visited a factory in Siberia on Tuesday and talked about wages.\n");
    search = SeedCorpus.indexed(corpus, dir);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  @Test
  void aCommentAddressedToTheParagraphIsAReply() {
    List<RelatedPassage> related = search.related("article", 5).orElseThrow();
    assertThat(related)
        .filteredOn(r -> r.reason().equals("reply"))
        .extracting(r -> r.passage().text())
        .containsExactly("I doubt the uranium figure.", "But the rest holds");
  }

  @Test
  void aPassageQuotingEightWordsOrMoreIsAQuoteEvenAcrossAnElision() {
    RelatedPassage quote =
        search.related("article", 5).orElseThrow().stream()
            .filter(r -> r.reason().equals("quote"))
            .findFirst()
            .orElseThrow();
    assertThat(quote.passage().doc()).isEqualTo("commentary/quoting");
    assertThat(quote.quote())
        .isEqualTo(
            "would be a blow to Russian pride and would indicate that Moscow is loosening its grip");
    assertThat(quote.passage().highlight())
        .contains("<mark>Letting Kazakhstan slip further into a Western circle</mark>");
  }

  @Test
  void runsShorterThanAQuoteButEightWordsTogetherAcrossAnElisionAreAQuote() {
    RelatedPassage quote =
        search.related("article", 7).orElseThrow().stream()
            .filter(r -> r.passage().doc().equals("commentary/elided"))
            .findFirst()
            .orElseThrow();
    assertThat(quote.reason()).isEqualTo("quote");
    assertThat(quote.quote())
        .isEqualTo("a brutal crackdown, sowing disinformation, … throttling social media");
    assertThat(quote.passage().highlight())
        .contains("<mark>a brutal crackdown, sowing disinformation</mark>")
        .contains("<mark>throttling social media</mark>");
    assertThat(search.related("article", 6).orElseThrow())
        .as("the runs are not paragraph 6's")
        .noneMatch(
            r -> r.passage().doc().equals("commentary/elided") && r.reason().equals("quote"));
  }

  @Test
  void aCommentQuotingWithCurlyQuotesAndAnElisionIsFound() {
    RelatedPassage quote =
        search.related("article", 8).orElseThrow().stream()
            .filter(r -> r.reason().equals("quote"))
            .findFirst()
            .orElseThrow();
    assertThat(quote.passage().source()).isEqualTo("comment");
    assertThat(quote.quote())
        .isEqualTo(
            "Moscow “quickly agreed to President Tokayev’s request that the Collective Security"
                + " Treaty Organization");
  }

  @Test
  void aParaphraseIsSimilarAndUnrelatedTextIsNot() {
    List<RelatedPassage> related = search.related("article", 5).orElseThrow();
    for (RelatedPassage r : related) {
      System.out.printf("p5 <- %-8s %-28s %s%n", r.reason(), r.passage().id(), r.similarity());
    }
    assertThat(related)
        .filteredOn(r -> r.reason().equals("similar"))
        .extracting(r -> r.passage().doc())
        .contains("commentary/paraphrase")
        .doesNotContain("commentary/unrelated", "commentary/name-only");
    assertThat(related)
        .filteredOn(r -> r.reason().equals("similar"))
        .allSatisfy(r -> assertThat(r.similarity()).isBetween(RelatedPassage.MIN_SIMILARITY, 1f));
  }

  @Test
  void eachPassageIsListedOnceUnderItsStrongestReason() {
    List<String> ids =
        search.related("article", 5).orElseThrow().stream().map(r -> r.passage().id()).toList();
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void theArticleItselfIsNeverRelatedToItself() {
    assertThat(search.related("article", 5).orElseThrow())
        .noneMatch(r -> r.passage().doc().equals("article"));
  }

  @Test
  void countsPerParagraphCoverOnlyParagraphsWithRelatedPassages() {
    List<RelatedCount> counts = search.relatedCounts("article");
    assertThat(counts).extracting(RelatedCount::paragraph).contains(5);
    assertThat(counts).allSatisfy(c -> assertThat(c.count()).isPositive());
    assertThat(search.related("article", 99)).isEmpty();
    assertThat(search.related("nope", 1)).isEmpty();
  }

  @Test
  void commentsOnADocumentAreListedWithTheirParagraph() {
    List<CommentView> comments = search.commentsOn("article");
    assertThat(comments).hasSize(2);
    assertThat(comments.get(1).paragraph()).isNull();
    CommentView comment = comments.getFirst();
    assertThat(comment.id()).isEqualTo("20260101T000000Z-aaaaaaaa");
    assertThat(comment.paragraph()).isEqualTo(5);
    assertThat(comment.author()).isEqualTo("Ada");
    assertThat(comment.text()).isEqualTo("I doubt the uranium figure.\nBut the rest holds");
  }
}
