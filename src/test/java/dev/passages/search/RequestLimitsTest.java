package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passages.corpus.Source;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a completion request and an engine query accept, on both sides of each limit. */
class RequestLimitsTest {

  @Test
  void completionsAreFromOneToTwenty() {
    assertThat(new CompletionRequest("kaz", 1).limit()).isEqualTo(1);
    assertThat(new CompletionRequest("kaz", Completions.MAX_LIMIT).limit()).isEqualTo(20);
    assertThatThrownBy(() -> new CompletionRequest("kaz", 0))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("limit must be between 1 and 20, got 0");
    assertThatThrownBy(() -> new CompletionRequest("kaz", 21))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("limit must be between 1 and 20, got 21");
  }

  @Test
  void typedTextIsBoundLikeAQuery() {
    assertThat(new CompletionRequest("x".repeat(10_000), 5).typed()).hasSize(10_000);
    assertThatThrownBy(() -> new CompletionRequest("x".repeat(10_001), 5))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("q is 10001 characters long; the limit is 10000 characters");
  }

  @Test
  void anEngineQueryByMeaningAloneNeedsTheMeaning() {
    ParsedQuery query = QuerySyntax.parse("oil");
    assertThatThrownBy(() -> new EngineQuery(query, Set.of(), null, 0, 10, null, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a search by meaning alone needs the query's meaning");
    assertThat(new EngineQuery(query, Set.of(), null, 0, 10, new float[] {1f}, true).meaningOnly())
        .isTrue();
    assertThat(new EngineQuery(query, Set.of(), null, 0, 10, null, false).meaning()).isNull();
  }

  @Test
  void anEngineQueryMayAskForCountsOnly() {
    EngineQuery counts =
        new EngineQuery(QuerySyntax.parse("oil"), Set.of(Source.ARTICLE), null, 0, 0);
    assertThat(counts.limit()).isZero();
    assertThat(counts.sources()).containsExactly(Source.ARTICLE);
    assertThatThrownBy(() -> new EngineQuery(QuerySyntax.parse("oil"), Set.of(), null, -1, 0))
        .hasMessage("offset and limit must not be negative");
    assertThatThrownBy(() -> new EngineQuery(QuerySyntax.parse("oil"), Set.of(), null, 0, -1))
        .hasMessage("offset and limit must not be negative");
  }
}
