package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Searches over a real index of the seed article, built once for the class. */
class SeedSearchTest {

  @TempDir static Path dir;

  static PassageSearch search;

  @BeforeAll
  static void indexTheSeedArticle() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    search = SeedCorpus.indexed(corpus, dir);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  /**
   * Query, number of passages holding every part of it, and the start of the best one. Those come
   * first; passages holding only some parts follow them.
   */
  @ParameterizedTest(name = "[{0}] finds {1} holding all of it")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "uranium | 1 | Letting Kazakhstan slip",
        "Tokayev | 3 | ",
        "investments | 3 | ",
        "uprising | 3 | ",
        "sanctions China | 1 | Overhanging the US negotiations",
        "\"color revolution\" | 1 | Letting Kazakhstan slip",
        "“color revolution” | 1 | Letting Kazakhstan slip",
        "\"Russian pride\" | 1 | Letting Kazakhstan slip",
        "\"pride Russian\" | 0 | ",
        "\"rest of the world\" | 1 | But of great importance",
        "\"rest in the world\" | 0 | ",
        "rest in the world | 1 | But of great importance",
        "\"Putin West\" | 0 | ",
        "\"Putin West\"~3 | 1 | But of great importance",
        "Sino-Kazakh | 1 | Although Kazakhstan may be",
        "Sino–Kazakh | 1 | Although Kazakhstan may be",
        "\"sino kazakh border\" | 1 | Although Kazakhstan may be",
        "12th-largest | 1 | Letting Kazakhstan slip",
        "1100 | 1 | Although Kazakhstan may be",
        "1,100-mile | 1 | Although Kazakhstan may be",
        "Putin’s rhetoric | 1 | The tone of Putin’s rhetoric",
        "Putin's rhetoric | 1 | The tone of Putin’s rhetoric",
        "\"Tokayev's request\" | 1 | Moscow quickly agreed",
        "miscalculation | 1 | Putin's big miscalculation",
        "oil OR gas | 2 | ",
        "Kazakhstan uranium OR WeChat | 2 | ",
        "Tokayev -request | 2 | ",
        "Tokayev NOT request | 2 | ",
        "Tokayev -\"Tokayev’s request\" | 2 | ",
        "oil source:article | 2 | ",
        "oil source:commentary | 0 | ",
        "oil source:blog | 0 | ",
        "uranium -source:article | 0 | ",
        "wechat | 1 | True to form",
        "k* | 0 | ",
        "Give a Comment | 0 | ",
      })
  void findsTheExpectedPassages(String query, long allWords, String firstStartsWith) {
    SearchResult result = search.search(new SearchRequest(query, 100, 0, Set.of()));
    assertThat(result.allWords()).as("passages holding all of %s", query).isEqualTo(allWords);
    assertThat(result.hits()).hasSize((int) result.total());
    assertThat(result.hits())
        .extracting(Hit::matched)
        .as("those holding every part first, then those holding some")
        .containsExactlyElementsOf(
            java.util.stream.Stream.concat(
                    java.util.Collections.nCopies((int) allWords, Matched.ALL).stream(),
                    java.util.Collections.nCopies((int) (result.total() - allWords), Matched.SOME)
                        .stream())
                .toList());
    if (firstStartsWith != null) {
      assertThat(result.hits().getFirst().text()).startsWith(firstStartsWith);
    }
  }

  @Test
  void aPrefixFindsEveryFormOfTheWord() {
    List<Hit> hits = hits("kazakh*");
    assertThat(hits).hasSize(10);
    assertThat(hits).allSatisfy(h -> assertThat(h.highlight()).containsPattern("<mark>Kazakh"));
  }

  @Test
  void aPhraseIsMarkedAsOneSpan() {
    Hit hit = hits("\"color revolution\"").getFirst();
    assertThat(hit.highlight()).contains("so-called <mark>color revolution</mark> to flourish");
    assertThat(hit.matches()).hasSize(1);
    int[] match = hit.matches().getFirst();
    assertThat(hit.text().substring(match[0], match[1])).isEqualTo("color revolution");
  }

  @Test
  void stemmedFormsAreMarked() {
    Hit hit =
        hits("investments").stream()
            .filter(h -> h.id().equals("article#p13"))
            .findFirst()
            .orElseThrow();
    assertThat(hit.highlight()).contains("a toxic <mark>investment</mark> climate");
  }

  @Test
  void matchOffsetsAreUtf16IndexesIntoTheText() {
    Hit hit = hits("Putin’s rhetoric").getFirst();
    assertThat(hit.matches())
        .extracting(m -> hit.text().substring(m[0], m[1]))
        .containsExactly("Putin’s", "rhetoric");
  }

  @Test
  void aPhraseIsMarkedOverTheTextAsWrittenWhereFoldingChangedIt() {
    // Folding (apostrophes, digit groups) happens in char filters, whose offsets must still point
    // at the characters as written.
    Hit apostrophe = hits("\"Tokayev's request\"").getFirst();
    assertThat(apostrophe.matches())
        .extracting(m -> apostrophe.text().substring(m[0], m[1]))
        .containsExactly("Tokayev’s request");
    Hit digits = hits("\"1100 mile sino kazakh\"").getFirst();
    assertThat(digits.matches())
        .extracting(m -> digits.text().substring(m[0], m[1]))
        .containsExactly("1,100-mile Sino-Kazakh");
    assertThat(digits.highlight()).contains("roughly <mark>1,100-mile Sino-Kazakh</mark> border");
  }

  @Test
  void shortPassagesAreShownWhole() {
    Hit heading = hits("miscalculation").getFirst();
    assertThat(heading.highlight()).isEqualTo("Putin&#x27;s big <mark>miscalculation</mark>");
    assertThat(heading.kind()).isEqualTo("heading");
    assertThat(heading.paragraph()).isNull();
  }

  @Test
  void longPassagesAreCroppedAtSentencesWithEllipses() {
    Hit hit = hits("uranium").getFirst();
    assertThat(hit.text()).hasSizeGreaterThan(Hit.WHOLE_UP_TO_CHARS);
    assertThat(hit.highlight())
        .startsWith("…In 2019, it produced almost half of the world’s <mark>uranium</mark>,")
        .doesNotContain("Letting Kazakhstan");
    assertThat(hit.matches()).hasSize(1);
  }

  @Test
  void wordsFarApartInALongParagraphGetTwoWindows() {
    Hit hit = hits("Biden toolbox").getFirst();
    assertThat(hit.highlight()).contains("<mark>Biden</mark>").contains("<mark>toolbox</mark>");
  }

  @Test
  void hitsCarryTheirDocumentAndPlace() {
    Hit hit = hits("WeChat").getFirst();
    assertThat(hit.id()).isEqualTo("article#p7");
    assertThat(hit.doc()).isEqualTo("article");
    assertThat(hit.title()).isEqualTo("Opinion: For Putin, Kazakhstan is a domino too big to fall");
    assertThat(hit.source()).isEqualTo("article");
    assertThat(hit.kind()).isEqualTo("paragraph");
    assertThat(hit.paragraph()).isEqualTo(7);
    assertThat(hit.section()).isEqualTo("Putin's big miscalculation");
    assertThat(hit.score()).isPositive();
  }

  @Test
  void equalScoresComeInReadingOrder() {
    assertThat(hits("*"))
        .extracting(Hit::id)
        .startsWith("article#title", "article#p1", "article#p2")
        .contains("article#p6", "article#h1", "article#p7");
  }

  @Test
  void pagesFollowOneAnother() {
    List<String> all = hits("kazakh*").stream().map(Hit::id).toList();
    SearchResult second = search.search(new SearchRequest("kazakh*", 3, 3, Set.of()));
    assertThat(second.total()).isEqualTo(10);
    assertThat(second.hits()).extracting(Hit::id).isEqualTo(all.subList(3, 6));
    assertThat(search.search(new SearchRequest("kazakh*", 10, 50, Set.of())).hits()).isEmpty();
  }

  @Test
  void theRequestSourceFilterAppliesToo() {
    assertThat(
            search
                .search(new SearchRequest("oil", 10, 0, Set.of(dev.passages.corpus.Source.COMMENT)))
                .total())
        .isZero();
  }

  @ParameterizedTest(name = "[{0}] is answered without error")
  @ValueSource(
      strings = {
        "\"",
        "(((",
        ")))",
        "*",
        "**",
        "AND",
        "OR",
        "NOT",
        "-",
        "--",
        "|",
        "+",
        "~",
        "\\",
        "title:",
        "text:uranium",
        "[1 TO",
        "{a TO b}",
        "/regex/",
        "uranium~~~",
        "uranium~2",
        "\"unbalanced",
        "a\"b\"c",
        "?",
        "^2",
        "uranium^3",
        "&&",
        "||",
        "!",
        "\u0000\u0001",
        "\uD800",
        "\u202Ekazakhstan",
        "🙂 uranium",
        "<script>alert(1)</script>",
        "\"\"~5",
        "\"a\"~",
        "\"a\"~-1",
        "oil OR",
        "OR oil",
        "-(oil)",
        "( )",
        "source:",
        "source:|",
        "* uranium",
        "*uranium",
        "uran*ium",
        "\"kazakh*\"",
        "-*",
        "a*",
        "é*"
      })
  void nastyInputIsAnsweredWithoutError(String query) {
    assertThatCode(() -> search.search(SearchRequest.of(query))).doesNotThrowAnyException();
    for (Hit hit : search.search(new SearchRequest(query, 100, 0, Set.of())).hits()) {
      assertThat(hit.highlight().replace("<mark>", "").replace("</mark>", "")).doesNotContain("<");
    }
  }

  @Test
  void aThousandCharacterQueryOfManyTermsIsAnswered() {
    String query = "uranium oil ".repeat(83).strip();
    assertThat(query.length()).isLessThanOrEqualTo(SearchRequest.MAX_QUERY_CHARS);
    SearchResult result = search.search(SearchRequest.of(query));
    assertThat(result.allWords()).isEqualTo(1);
    assertThat(result.hits().getFirst().text()).startsWith("Letting Kazakhstan slip");
  }

  @Test
  void anEmptyQueryFindsNothing() {
    assertThat(search.search(SearchRequest.of("")).total()).isZero();
    assertThat(search.search(SearchRequest.of("   ")).hits()).isEmpty();
  }

  @Test
  void documentsAreListedWithTheirPassageCounts() {
    assertThat(search.documents())
        .containsExactly(
            new DocumentSummary(
                "article",
                "Opinion: For Putin, Kazakhstan is a domino too big to fall",
                "article",
                15));
    assertThat(search.passageCount()).isEqualTo(15);
  }

  @Test
  void aDocumentComesBackInReadingOrder() {
    DocumentView article = search.document("article").orElseThrow();
    assertThat(article.passages()).hasSize(15);
    assertThat(article.passages())
        .extracting(DocumentView.PassageView::anchor)
        .containsSubsequence("title", "p1", "p6", "h1", "p7", "p13");
    assertThat(search.document("nope")).isEmpty();
  }

  private static List<Hit> hits(String query) {
    return search.search(new SearchRequest(query, 100, 0, Set.of())).hits();
  }
}
