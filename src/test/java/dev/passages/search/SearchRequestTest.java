package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchRequestTest {

  @Test
  void limitIsFromOneToOneHundred() {
    assertThatCode(() -> new SearchRequest("q", 1, 0, Set.of())).doesNotThrowAnyException();
    assertThatCode(() -> new SearchRequest("q", 100, 0, Set.of())).doesNotThrowAnyException();
    assertThatThrownBy(() -> new SearchRequest("q", 0, 0, Set.of()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("limit must be between 1 and 100, got 0");
    assertThatThrownBy(() -> new SearchRequest("q", 101, 0, Set.of()))
        .hasMessage("limit must be between 1 and 100, got 101");
  }

  @Test
  void offsetIsFromZeroToTenThousand() {
    assertThatCode(() -> new SearchRequest("q", 10, 0, Set.of())).doesNotThrowAnyException();
    assertThatCode(() -> new SearchRequest("q", 10, 10_000, Set.of())).doesNotThrowAnyException();
    assertThatThrownBy(() -> new SearchRequest("q", 10, -1, Set.of()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("offset must be between 0 and 10000, got -1");
    assertThatThrownBy(() -> new SearchRequest("q", 10, 10_001, Set.of()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("offset must be between 0 and 10000, got 10001");
  }

  @Test
  void aBlankDocumentMeansEveryDocument() {
    assertThat(new SearchRequest("q", 10, 0, Set.of(), " ").doc()).isNull();
    assertThat(new SearchRequest("q", 10, 0, Set.of(), "").doc()).isNull();
    assertThat(new SearchRequest("q", 10, 0, Set.of(), null).doc()).isNull();
    assertThat(new SearchRequest("q", 10, 0, Set.of(), "article").doc()).isEqualTo("article");
  }

  @Test
  void aQueryAloneAsksForTheFirstPageOverEverySource() {
    assertThat(SearchRequest.of("oil")).isEqualTo(new SearchRequest("oil", 10, 0, Set.of(), null));
  }

  @Test
  void queriesOverTenThousandCharactersAreRefusedNamingTheBound() {
    assertThatCode(() -> SearchRequest.of("x".repeat(10_000))).doesNotThrowAnyException();
    assertThatThrownBy(() -> SearchRequest.of("x".repeat(10_001)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("q is 10001 characters long; the limit is 10000 characters")
        .extracting(e -> ((InvalidRequestException) e).parameter())
        .isEqualTo("q");
  }
}
