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
  void aQuestionIsAnsweredByItsBestCoveredPassagesAndSaysItWasRelaxed() {
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
  void shortKeywordQueriesKeepTheirAllWordsMeaning() {
    SearchResult result = search.search(SearchRequest.of("uranium Tokayev"));
    assertThat(result.total()).isZero();
    assertThat(result.relaxed()).isFalse();
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
