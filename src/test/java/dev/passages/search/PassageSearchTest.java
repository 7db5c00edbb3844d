package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passages.LiveSearch;
import dev.passages.SeedCorpus;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a query is searched by meaning, and what a kept answer may not hide. */
class PassageSearchTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "\"{0}\" by meaning from the start: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Three words that say something, or more.
        "uranium mines Kazakhstan | true",
        "uranium mines | false",
        "the uranium of the mines | false",
        "mining mines mined uranium | false",
        "uranium 1100 2022 | false",
        "uranium mines Kazakhstan Russia troops | true",
        // A question: two words that say something are enough, one is not.
        "who sent troops | true",
        "who sent | false",
        "Who sent troops abroad | true",
        "troops abroad? | true",
        "troops abroad ?  | true",
        "troops? | false",
        "why troops | false",
        "what is it? | false",
        // Phrases, prefixes, exclusions, OR and filters keep their exact meaning.
        "\"uranium mines\" Kazakhstan Russia | false",
        "uranium* mines Kazakhstan | false",
        "uranium mines Kazakhstan -Russia | false",
        "uranium OR mines OR Kazakhstan | false",
        "uranium mines Kazakhstan source:nowhere | false",
        "uranium mines Kazakhstan source:comment | true",
      })
  void aQueryIsSearchedByMeaningWhenItIsAQuestionOrHasThreeWordsThatSaySomething(
      String query, boolean byMeaning) {
    assertThat(PassageSearch.usesMeaning(QuerySyntax.parse(query), query)).isEqualTo(byMeaning);
  }

  @Test
  void aVeryLongQueryIsJudgedTheSameWay() {
    String words = "uranium mines Kazakhstan ".repeat(60);
    assertThat(words.length()).isGreaterThan(PassageSearch.KEPT_UP_TO_CHARS);
    assertThat(PassageSearch.usesMeaning(QuerySyntax.parse(words), words)).isTrue();
    assertThat(PassageSearch.mayUseMeaning(words)).isTrue();
    String numbers = "2022 1100 ".repeat(120);
    assertThat(PassageSearch.usesMeaning(QuerySyntax.parse(numbers), numbers)).isFalse();
  }

  /**
   * Whether a query is searched by meaning is kept per query text: a query never seen before must
   * be judged afresh, not by what another was.
   */
  @Test
  void aQueryNeverSeenBeforeIsJudgedOnItsOwnWords() {
    String word = "zq" + Long.toString(System.nanoTime() & 0xFFFFFFFFL, 26).replaceAll("\\d", "x");
    String three = word + "a " + word + "b " + word + "c";
    String two = word + "d " + word + "e";
    assertThat(PassageSearch.usesMeaning(QuerySyntax.parse(three), three)).isTrue();
    assertThat(PassageSearch.usesMeaning(QuerySyntax.parse(two), two)).isFalse();
    assertThat(PassageSearch.mayUseMeaning(word + "f " + word + "g")).isTrue();
  }

  @Test
  void documentsAndCompletionsComeFromTheIndex() throws IOException {
    try (PassageSearch search = SeedCorpus.indexed(SeedCorpus.copyTo(dir), dir)) {
      assertThat(search.exists("article")).isTrue();
      assertThat(search.exists("nothing")).isFalse();
      Completions completions = search.complete(new CompletionRequest("uran", 5));
      assertThat(completions.query()).isEqualTo("uran");
      assertThat(completions.completions()).extracting(Completion::query).contains("uranium");
    }
  }

  @ParameterizedTest(name = "\"{0}\" may need the model: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "uranium mines | true",
        "uranium | false",
        "the uranium | false",
        "mines mining | false",
        "\"uranium mines\" | false",
        "uranium -mines | false",
        "uranium mines source:nowhere | false",
        "who sent troops | true",
      })
  void aCommandCanTellWhetherItWillNeedTheModel(String query, boolean mayUseMeaning) {
    assertThat(PassageSearch.mayUseMeaning(query)).isEqualTo(mayUseMeaning);
  }

  /** A kept answer is given again only while the index is unchanged. */
  @Test
  void aKeptAnswerNeverHidesWhatWasIndexedSince() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    try (LiveSearch live = LiveSearch.open(corpus, dir.resolve("index"), 16)) {
      SearchRequest request = SearchRequest.of("zirconium");
      assertThat(live.search().search(request).hits()).isEmpty();
      assertThat(live.search().search(request).hits()).isEmpty();

      SeedCorpus.write(corpus, "comments/new.txt", "New\n\nZirconium, not uranium.");
      live.index().update();

      assertThat(live.search().search(request).hits())
          .extracting(Hit::id)
          .containsExactly("comments/new#p1");
    }
  }

  /**
   * A misspelled word is corrected when fewer than {@value PassageSearch#FEW_HITS} passages hold
   * the whole query: the correction replaces the query when that found none and the correction
   * finds some, and is offered as a suggestion when it finds more than the query did.
   */
  @ParameterizedTest(name = "{0} passages with thorium, zirconium with thorium: {1}")
  @CsvSource({
    // Two hold the query, the correction finds three: offered.
    "2, false, zirconium OR thorium",
    // Three hold it already: nothing is corrected.
    "3, false, ",
    // The correction finds the same two: nothing to offer.
    "2, true, ",
  })
  void aCorrectionIsOfferedWhenFewPassagesHoldTheQueryAndItFindsMore(
      int thorium, boolean together, String suggestion) throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    for (int i = 1; i <= thorium; i++) {
      String also = together && i == 1 ? " And zirconium." : "";
      SeedCorpus.write(
          corpus, "comments/t" + i + ".txt", "T" + i + "\n\nThorium " + i + "." + also);
    }
    if (!together) {
      SeedCorpus.write(corpus, "comments/z.txt", "Z\n\nZirconium alone.");
    }
    try (LiveSearch live = LiveSearch.open(corpus, dir.resolve("index"), 0)) {
      SearchResult result = live.search().search(SearchRequest.of("zirconum OR thorium"));

      assertThat(result.query()).isEqualTo("zirconum OR thorium");
      assertThat(result.correctedFrom()).isNull();
      assertThat(result.suggestion()).isEqualTo(suggestion);
      assertThat(result.allWords()).isEqualTo(thorium);
    }
  }

  @Test
  void aCorrectionReplacesTheQueryOnlyWhenItFindsWhatTheQueryDidNot() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    SeedCorpus.write(corpus, "comments/t.txt", "T\n\nThorium here.");
    SeedCorpus.write(corpus, "comments/z.txt", "Z\n\nZirconium there.");
    try (LiveSearch live = LiveSearch.open(corpus, dir.resolve("index"), 0)) {
      SearchResult fixed = live.search().search(SearchRequest.of("zirconum"));
      assertThat(fixed.query()).isEqualTo("zirconium");
      assertThat(fixed.correctedFrom()).isEqualTo("zirconum");
      assertThat(fixed.hits()).extracting(Hit::id).containsExactly("comments/z#p1");

      // Corrected, it still finds no passage holding both words: the query stays as typed.
      SearchResult kept = live.search().search(SearchRequest.of("zirconum thorium"));
      assertThat(kept.query()).isEqualTo("zirconum thorium");
      assertThat(kept.correctedFrom()).isNull();
      assertThat(kept.allWords()).isZero();
    }
  }

  /** Closing lets go of the index: nothing is searched through a closed search. */
  @Test
  void aClosedSearchSearchesNoMore() throws IOException {
    PassageSearch search = SeedCorpus.indexed(SeedCorpus.copyTo(dir), dir);
    assertThat(search.search(SearchRequest.of("uranium")).hits()).isNotEmpty();

    search.close();

    assertThatThrownBy(() -> search.search(SearchRequest.of("uranium")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theTimeTakenIsInMilliseconds() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    try (LiveSearch live = LiveSearch.open(corpus, dir.resolve("index"), 0)) {
      long start = System.nanoTime();
      double took = live.search().search(SearchRequest.of("uranium Kazakhstan")).tookMs();
      double wall = (System.nanoTime() - start) / 1e6;
      // Positive, to two decimals, and no more than the call took as seen from outside it.
      assertThat(took).isPositive().isLessThanOrEqualTo(wall + 0.01);
      assertThat(Math.round(took * 100) / 100.0).isEqualTo(took);
    }
  }
}
