package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.corpus.Source;
import dev.passages.search.QueryTerm.Kind;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuerySyntaxTest {

  @ParameterizedTest(name = "[{0}] is read as [{1}]")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '`',
      value = {
        "sanctions China => sanctions China",
        "\"color revolution\" => \"color revolution\"",
        "“color revolution” => \"color revolution\"",
        "„color revolution“ => \"color revolution\"",
        "\"Putin West\"~3 => \"Putin West\"~3",
        "\"Putin West\"~999 => \"Putin West\"~50",
        "-uranium oil => -uranium oil",
        "-\"color revolution\" => -\"color revolution\"",
        "NOT uranium oil => -uranium oil",
        "oil OR gas => (oil | gas)",
        "Kazakhstan oil OR gas => Kazakhstan (oil | gas)",
        "a OR b OR c d => (a | b | c) d",
        "(oil OR gas) Kazakhstan => ((oil | gas)) Kazakhstan",
        "oil AND gas => oil gas",
        "kazakh* => kazakh*",
        "Putin’s => Putin's",
        "\"unterminated phrase => unterminated phrase",
        "((( => ``",
        "))) uranium => uranium",
        "OR => ``",
        "\"\" => ``",
        "- => ``",
        "--uranium => uranium",
        "\"a (b) c\" => \"a b c\"",
        "(oil OR gas) OR coal => (((oil | gas)) | coal)",
        "steppe (oil) OR gas => steppe ((oil) | gas)",
        "(oil gas => (oil gas)",
        "oil\"gas price\" => oil \"gas price\"",
        "\"gas price\"oil => \"gas price\" oil",
        "-(oil gas) coal => -(oil gas) coal",
        "\"Putin West\"~ => \"Putin West\" ~",
        "\"Putin West\"~x => \"Putin West\" ~x",
        "\"Putin West\"~12345678901 oil => \"Putin West\"~50 oil",
      })
  void rewritesUserSyntaxIntoLuceneSimpleSyntax(String query, String expression) {
    assertThat(QuerySyntax.parse(query).expression()).isEqualTo(expression);
  }

  @Test
  void sourceFiltersAreTakenOutOfTheText() {
    ParsedQuery parsed = QuerySyntax.parse("uranium source:commentary|COMMENT");
    assertThat(parsed.expression()).isEqualTo("uranium");
    assertThat(parsed.sources()).containsExactlyInAnyOrder(Source.COMMENTARY, Source.COMMENT);
    assertThat(parsed.filtersEverythingOut()).isFalse();
  }

  @Test
  void aNegatedSourceIsExcluded() {
    ParsedQuery parsed = QuerySyntax.parse("-source:comment uranium");
    assertThat(parsed.excludedSources()).isEqualTo(Set.of(Source.COMMENT));
    assertThat(parsed.sources()).isEmpty();
  }

  @Test
  void anUnknownSourceAloneMatchesNothing() {
    ParsedQuery parsed = QuerySyntax.parse("uranium source:blog");
    assertThat(parsed.unknownSources()).containsExactly("blog");
    assertThat(parsed.filtersEverythingOut()).isTrue();
    assertThat(QuerySyntax.parse("uranium source:blog|article").filtersEverythingOut()).isFalse();
  }

  @Test
  void aBareSourcePrefixIsAWord() {
    assertThat(QuerySyntax.parse("source:").expression()).isEqualTo("source:");
  }

  @Test
  void sourceNamesMayBeListedWithCommasAndEmptyNamesAreSkipped() {
    ParsedQuery parsed = QuerySyntax.parse("uranium source:article,,comment|");
    assertThat(parsed.sources()).containsExactlyInAnyOrder(Source.ARTICLE, Source.COMMENT);
    assertThat(parsed.unknownSources()).isEmpty();
    assertThat(QuerySyntax.parse("uranium source:|,").filtersEverythingOut()).isFalse();
  }

  @Test
  void severalSourcesCanBeExcludedAtOnce() {
    ParsedQuery parsed = QuerySyntax.parse("uranium -source:article|commentary");
    assertThat(parsed.excludedSources())
        .containsExactlyInAnyOrder(Source.ARTICLE, Source.COMMENTARY);
    assertThat(parsed.sources()).isEmpty();
  }

  /** Excluding a source that does not exist leaves every passage in, rather than none. */
  @Test
  void excludingAnUnknownSourceFiltersNothingOut() {
    ParsedQuery parsed = QuerySyntax.parse("uranium -source:blog");
    assertThat(parsed.unknownSources()).isEmpty();
    assertThat(parsed.excludedSources()).isEmpty();
    assertThat(parsed.filtersEverythingOut()).isFalse();
    assertThat(parsed.expression()).isEqualTo("uranium");
  }

  /**
   * Plain words (source filters aside) may be answered by meaning too; anything whose exact sense
   * only words can keep may not.
   */
  @ParameterizedTest(name = "[{0}] is plain words: {1}")
  @CsvSource(
      delimiterString = "=>",
      value = {
        "sanctions China => true",
        "uranium source:commentary => true",
        "uranium -source:comment => true",
        "OR uranium => true",
        "uranium AND oil => true",
        "oil OR gas => false",
        "oil -gas => false",
        "NOT gas oil => false",
        "-(gas coal) oil => false",
        "\"color revolution\" => false",
        "kazakh* => false",
      })
  void onlyQueriesOfWordsArePlainWords(String query, boolean plainWords) {
    assertThat(QuerySyntax.parse(query).plainWords()).isEqualTo(plainWords);
  }

  @Test
  void termsAreThePartsTheReaderWantsNotTheExcludedOnes() {
    assertThat(
            QuerySyntax.parse(
                    "oil -gas NOT coal \"color revolution\"~3 -\"regime change\" kazakh* -uran*")
                .terms())
        .containsExactly(
            new QueryTerm(Kind.WORD, "oil"),
            new QueryTerm(Kind.PHRASE, "color revolution"),
            new QueryTerm(Kind.PREFIX, "kazakh"));
  }

  @Test
  void aLoneStarIsAWordNotAPrefix() {
    ParsedQuery parsed = QuerySyntax.parse("* steppe");
    assertThat(parsed.terms())
        .containsExactly(new QueryTerm(Kind.WORD, "*"), new QueryTerm(Kind.WORD, "steppe"));
    assertThat(parsed.plainWords()).isTrue();
  }

  @Test
  void anEmptyPhraseIsNoTerm() {
    assertThat(QuerySyntax.parse("\"\" oil \" \"").terms())
        .containsExactly(new QueryTerm(Kind.WORD, "oil"));
  }

  @Test
  void aCorrectionReplacesWordsAndKeepsTheSyntaxAsTyped() {
    assertThat(
            QuerySyntax.replaceWords(
                "kazakh* oil OR \"gas (price)\"~2 source:article -coal NOT (x) AND y",
                String::toUpperCase))
        .isEqualTo("kazakh* OIL OR \"GAS (PRICE)\"~2 source:article -COAL NOT (X) AND Y");
  }

  @Test
  void aCorrectionOfCurlyQuotesGivesPlainOnes() {
    assertThat(QuerySyntax.replaceWords("“colr revolution” ", w -> w.replace("colr", "color")))
        .isEqualTo("\"color revolution\" ");
  }
}
