package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;

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

  @Test
  void theTimeTakenIsInMilliseconds() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    try (LiveSearch live = LiveSearch.open(corpus, dir.resolve("index"), 0)) {
      double took = live.search().search(SearchRequest.of("uranium Kazakhstan")).tookMs();
      // Positive, and not nanoseconds or microseconds: a search here takes well under a minute.
      assertThat(took).isPositive().isLessThan(60_000);
      assertThat(Math.round(took * 100) / 100.0).isEqualTo(took);
    }
  }
}
