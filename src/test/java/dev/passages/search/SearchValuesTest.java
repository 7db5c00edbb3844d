package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.corpus.Source;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small values a search hands out, as the API and the command line show them. */
class SearchValuesTest {

  @Test
  void countsOfOneSourceAreUnderThatSourceOnly() {
    assertThat(SourceCounts.of(Source.ARTICLE, 7)).isEqualTo(new SourceCounts(7, 0, 0, true));
    assertThat(SourceCounts.of(Source.COMMENTARY, 7)).isEqualTo(new SourceCounts(0, 7, 0, true));
    assertThat(SourceCounts.of(Source.COMMENT, 7)).isEqualTo(new SourceCounts(0, 0, 7, true));
  }

  @Test
  void howAHitMatchedReadsAsAWord() {
    assertThat(List.of(Matched.values()))
        .extracting(Matched::toString)
        .containsExactly("all", "some", "meaning");
  }

  /** The same rule the index files a comment under its document by. */
  @Test
  void aCommentIsAboutTheDocumentBeforeTheParagraph() {
    assertThat(DocumentSummary.aboutDocument("article#p5")).isEqualTo("article");
    assertThat(DocumentSummary.aboutDocument("article")).isEqualTo("article");
    assertThat(DocumentSummary.aboutDocument("#p5")).isEmpty();
    assertThat(DocumentSummary.aboutDocument(null)).isNull();
    assertThat(new DocumentSummary("a", "A title", "article", 3).about()).isNull();
  }

  @Test
  void anAnswerGivenAgainSaysOnlyHowLongItTookThisTime() {
    SearchResult first = answerOfTotal(12);
    SearchResult again = first.took(0.25);
    assertThat(again.tookMs()).isEqualTo(0.25);
    assertThat(again).usingRecursiveComparison().ignoringFields("tookMs").isEqualTo(first);
    // What the server checks before sending the bytes it kept for an answer.
    assertThat(again.sameAnswerAs(first)).isTrue();
    assertThat(first.sameAnswerAs(again)).isTrue();
    assertThat(first.sameAnswerAs(null)).isFalse();
    SearchResult other = answerOfTotal(13);
    assertThat(other.sameAnswerAs(first)).isFalse();
    assertThat(first.sameAnswerAs(other.took(41.5))).isFalse();
  }

  /** An answer of {@code total} matches, the same in every other field. */
  private static SearchResult answerOfTotal(long total) {
    return new SearchResult(
        "oil",
        total,
        true,
        9,
        10,
        10,
        41.5,
        SourceCounts.of(Source.ARTICLE, 12),
        "oill",
        "gas",
        true,
        2,
        true,
        List.of());
  }

  @Test
  void aSearchSaysHowManyAnswersItKeeps() {
    // No engine needed to say it (and none to close).
    assertThat(new PassageSearch(null, 256).keptResults()).isEqualTo(256);
    assertThat(new PassageSearch(null, 0).keptResults()).isZero();
  }

  @Test
  void anEngineThatAnsweredInPartIsToldFromOneThatDidNotAnswer() {
    IOException cause = new IOException("connection refused");
    EngineUnavailableException down = new EngineUnavailableException("engine down", cause);
    assertThat(down.reachable()).isFalse();
    assertThat(down).hasMessage("engine down").hasCause(cause);
    assertThat(new EngineUnavailableException("overloaded", cause, true).reachable()).isTrue();
    assertThat(new EngineUnavailableException("unreachable", cause, false).reachable()).isFalse();
  }
}
