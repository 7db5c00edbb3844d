package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.corpus.Source;
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
}
