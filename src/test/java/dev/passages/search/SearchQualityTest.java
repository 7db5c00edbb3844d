package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Typo tolerance, did-you-mean, relaxed matching and explanations on the seed article. */
class SearchQualityTest {

  @TempDir static Path dir;

  static PassageSearch search;

  @BeforeAll
  static void indexTheSeedArticle() throws IOException {
    search = SeedCorpus.indexed(SeedCorpus.copyTo(dir), dir);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  @Test
  void aMisspelledNameIsCorrectedAndSaidSo() {
    SearchResult result = search.search(SearchRequest.of("Tokaev"));
    assertThat(result.correctedFrom()).isEqualTo("Tokaev");
    assertThat(result.query()).isEqualTo("tokayev");
    assertThat(result.total()).isEqualTo(3);
    assertThat(result.hits().getFirst().explain())
        .contains(new MatchNote("Tokaev", "Tokayev", "typo"));
  }

  @Test
  void correctionKeepsPhrasesAndOperators() {
    SearchResult result = search.search(SearchRequest.of("\"colour revolution\" -Tokayev"));
    assertThat(result.query()).isEqualTo("\"color revolution\" -Tokayev");
    assertThat(result.correctedFrom()).isEqualTo("\"colour revolution\" -Tokayev");
    assertThat(result.hits().getFirst().highlight()).contains("<mark>color revolution</mark>");
  }

  @Test
  void lengthDecidesHowFarACorrectionMayGo() {
    assertThat(search.search(SearchRequest.of("Kazakstan")).query()).isEqualTo("kazakhstan");
    assertThat(search.search(SearchRequest.of("Kazkhstann")).query()).isEqualTo("kazakhstan");
    // Under five letters nothing is corrected: "oul" stays "oul" and finds nothing.
    SearchResult shortWord = search.search(SearchRequest.of("oul"));
    assertThat(shortWord.total()).isZero();
    assertThat(shortWord.correctedFrom()).isNull();
  }

  @Test
  void exactMatchesAreNeverReplacedByCorrections() {
    SearchResult result = search.search(SearchRequest.of("uranium"));
    assertThat(result.correctedFrom()).isNull();
    assertThat(result.suggestion()).isNull();
  }

  @Test
  void aQueryThatFindsLittleGetsASuggestion() {
    SearchResult result = search.search(SearchRequest.of("Kazakstan OR uranium"));
    assertThat(result.total()).isEqualTo(1);
    assertThat(result.suggestion()).isEqualTo("kazakhstan OR uranium");
    assertThat(result.correctedFrom()).isNull();
  }

  @Test
  void aQuestionIsAnsweredByItsBestPartialMatchesAndSaysSo() {
    SearchResult result =
        search.search(
            SearchRequest.of("why does the Kremlin care about Kazakhstan's oil and uranium"));
    assertThat(result.relaxed()).isTrue();
    assertThat(result.hits().getFirst().id()).isEqualTo("article#p5");
    assertThat(result.hits().getFirst().explain())
        .extracting(MatchNote::how)
        .containsOnly("exact", "stem");
  }

  @Test
  void shortKeywordQueriesShowTheirAllWordsMatchesFirstThenPartialOnes() {
    SearchResult result = search.search(new SearchRequest("sanctions China", 20, 0, Set.of()));
    assertThat(result.allWords()).isEqualTo(1);
    assertThat(result.total()).isEqualTo(7);
    assertThat(result.relaxed()).isTrue();
    assertThat(result.hits().getFirst().text()).startsWith("Overhanging the US negotiations");
    assertThat(result.hits().getFirst().matched()).isEqualTo(Matched.ALL);
    assertThat(result.hits().subList(1, 7))
        .allSatisfy(h -> assertThat(h.matched()).isEqualTo(Matched.SOME));
  }

  @Test
  void noPassageHoldingEveryWordLeavesThePartialMatchesNotNothing() {
    SearchResult result = search.search(SearchRequest.of("uranium Tokayev"));
    assertThat(result.allWords()).isZero();
    assertThat(result.total()).isEqualTo(4);
    assertThat(result.relaxed()).isTrue();
    assertThat(result.correctedFrom()).isNull();
  }

  @Test
  void aQuestionInTheReadersOwnWordsIsNeverAnsweredWithNothing() {
    SearchResult result = search.search(SearchRequest.of("how many people died in the unrest"));
    assertThat(result.total()).isPositive();
    assertThat(result.hits()).extracting(Hit::id).contains("article#p6");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Kazakhstan oil source:commentary",
        "Beijing Moscow -source:article",
        "China Putin source:article|commentary",
        "oil (gas OR uranium) -Russia",
        "kazakh* Beijing",
        "\"color revolution\" Kremlin protest",
      })
  void theHitsHoldingEveryPartAreCountedWithinTheSameFilters(String query) {
    SearchResult result = search.search(new SearchRequest(query, 100, 0, Set.of()));
    assertThat(result.allWords()).isBetween(0L, result.total());
    assertThat(result.hits().stream().filter(h -> h.matched() == Matched.ALL).count())
        .isEqualTo(result.allWords());
  }

  @Test
  void strayPunctuationNeverChangesTheAnswer() {
    List<String> ids = ids("what caused the unrest in Kazakhstan");
    for (String variant :
        List.of(
            "what caused the unrest in Kazakhstan ?",
            "what caused the unrest in Kazakhstan?",
            "what caused the unrest in Kazakhstan .",
            "(a) what caused the unrest in Kazakhstan",
            "what caused the unrest , in Kazakhstan !")) {
      assertThat(ids(variant)).as(variant).isEqualTo(ids);
    }
  }

  private static List<String> ids(String query) {
    return search.search(new SearchRequest(query, 100, 0, Set.of())).hits().stream()
        .map(Hit::id)
        .toList();
  }

  @Test
  void explanationsSayWhichWordMatchedWhichForm() {
    Hit hit =
        search.search(SearchRequest.of("investments")).hits().stream()
            .filter(h -> h.id().equals("article#p13"))
            .findFirst()
            .orElseThrow();
    assertThat(hit.explain()).containsExactly(new MatchNote("investments", "investment", "stem"));
    List<MatchNote> prefix = search.search(SearchRequest.of("kazakh*")).hits().getFirst().explain();
    assertThat(prefix).allSatisfy(n -> assertThat(n.how()).isEqualTo("prefix"));
    assertThat(search.search(SearchRequest.of("\"color revolution\"")).hits().getFirst().explain())
        .containsExactly(new MatchNote("\"color revolution\"", "color revolution", "phrase"));
  }
}
