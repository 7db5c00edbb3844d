package dev.passages.search;

import static dev.passages.Properties.anyString;
import static dev.passages.Properties.forAll;
import static dev.passages.Properties.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.analysis.TextAnalysis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every answer keeps, whatever is typed: an answer or a clear refusal, highlights that are the
 * escaped text with only marks added, match offsets inside the text on whole characters, and
 * phrases found word for word.
 */
class SearchProperties {

  private static final Pattern MARK = Pattern.compile("<mark(?: class=\"meaning\")?>|</mark>");

  /** A comment whose text needs escaping and holds characters outside the BMP. */
  private static final String HOSTILE =
      "Hostile <script>alert('x')</script> & <b>bold</b> \"quoted\" a/b\n\n"
          + "Uranium \uD83D\uDE00sanctions\uD83D\uDE00 on China \uD835\uDC00 Kazakhstan's & <i>";

  @TempDir static Path dir;

  static PassageSearch search;

  /** Words of the article as written, and its passages. */
  static List<String> words;

  static List<String> paragraphs;

  @BeforeAll
  static void index() {
    Path corpus = SeedCorpus.copyWithCommentary(dir);
    SeedCorpus.write(corpus, "comments/hostile.txt", HOSTILE);
    search = SeedCorpus.indexed(corpus, dir);
    paragraphs =
        search.document("article").orElseThrow().passages().stream()
            .map(DocumentView.PassageView::text)
            .toList();
    Set<String> seen = new HashSet<>();
    words =
        paragraphs.stream()
            .flatMap(p -> Arrays.stream(p.split("\\s+")))
            .map(SearchProperties::bare)
            .filter(w -> !w.isEmpty() && seen.add(w))
            .toList();
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  @Test
  void anyQueryIsAnsweredOrRefusedWithAReason() {
    forAll(
        SearchProperties::anyQuery,
        query -> {
          SearchResult result;
          try {
            result = search.search(SearchRequest.of(query));
          } catch (InvalidRequestException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
          }
          for (Hit hit : result.hits()) {
            assertHighlightIsTheEscapedText(hit);
            assertMatchesLieInTheText(hit);
          }
        });
  }

  @Test
  void everyMatchCoversAWordOfTheQuery() {
    forAll(
        SearchProperties::wordQuery,
        query -> {
          Set<String> queryTerms = terms(query.replace("*", ""));
          List<String> prefixes =
              Arrays.stream(query.split("\\s+"))
                  .filter(w -> w.endsWith("*"))
                  .map(w -> fold(w.substring(0, w.length() - 1)))
                  .toList();
          for (Hit hit : search.search(SearchRequest.of(query)).hits()) {
            assertHighlightIsTheEscapedText(hit);
            assertMatchesLieInTheText(hit);
            if (hit.matched() == Matched.MEANING) {
              continue;
            }
            for (int[] match : hit.matches()) {
              String covered = hit.text().substring(match[0], match[1]);
              Set<String> coveredTerms = terms(covered);
              boolean byWord = !Collections.disjoint(coveredTerms, queryTerms);
              boolean byPrefix =
                  TextAnalysis.exactTerms(covered).stream()
                      .anyMatch(t -> prefixes.stream().anyMatch(t::startsWith));
              assertThat(byWord || byPrefix)
                  .as("%s in %s covers \"%s\", none of %s", query, hit.id(), covered, queryTerms)
                  .isTrue();
            }
          }
        });
  }

  @Test
  void aQuotedPhraseIsFoundWordForWord() {
    forAll(
        SearchProperties::phrase,
        phrase -> {
          List<String> exact = TextAnalysis.exactTerms(phrase);
          List<Hit> hits = search.search(SearchRequest.of('"' + phrase + '"')).hits();

          // Taken from the article: it is there.
          assertThat(hits).isNotEmpty();
          assertThat(hits.getFirst().matched()).isEqualTo(Matched.ALL);
          for (Hit hit : hits) {
            assertHighlightIsTheEscapedText(hit);
            assertMatchesLieInTheText(hit);
            if (hit.matched() == Matched.ALL) {
              assertThat(Collections.indexOfSubList(TextAnalysis.exactTerms(hit.text()), exact))
                  .as("\"%s\" in %s: %s", phrase, hit.id(), hit.text())
                  .isNotNegative();
            }
          }
        });
  }

  /**
   * The highlight is the passage (or, for a long one, parts of it joined by "…"), escaped, with
   * only well-formed marks added: removing them and unescaping gives the text shown.
   */
  static void assertHighlightIsTheEscapedText(Hit hit) {
    String highlight = hit.highlight();
    Matcher marks = MARK.matcher(highlight);
    boolean open = false;
    while (marks.find()) {
      boolean opening = !marks.group().startsWith("</");
      assertThat(opening).as("marks nest or close unopened in %s", highlight).isNotEqualTo(open);
      open = opening;
    }
    assertThat(open).as("a mark left open in %s", highlight).isFalse();
    String escaped = MARK.matcher(highlight).replaceAll("");
    assertThat(escaped).doesNotContain("<", ">", "\"", "'");
    String shown = unescape(escaped);
    assertThat(Html.escape(shown)).isEqualTo(escaped);
    if (hit.text().length() <= Hit.WHOLE_UP_TO_CHARS) {
      assertThat(shown).isEqualTo(hit.text());
    } else {
      for (String part : shown.split("…")) {
        assertThat(hit.text()).contains(part.strip());
      }
    }
  }

  /** Every match is {@code [start, end)} within the text, on whole characters, in order. */
  static void assertMatchesLieInTheText(Hit hit) {
    String text = hit.text();
    int previousEnd = 0;
    for (int[] match : hit.matches()) {
      assertThat(match).hasSize(2);
      int start = match[0];
      int end = match[1];
      assertThat(start).as("match of %s", hit.id()).isBetween(previousEnd, end - 1);
      assertThat(end).isLessThanOrEqualTo(text.length());
      assertThat(splitsAPair(text, start) || splitsAPair(text, end))
          .as("[%d, %d) of %s splits a surrogate pair", start, end, hit.id())
          .isFalse();
      previousEnd = end;
    }
  }

  private static boolean splitsAPair(String text, int offset) {
    return offset > 0
        && offset < text.length()
        && Character.isHighSurrogate(text.charAt(offset - 1))
        && Character.isLowSurrogate(text.charAt(offset));
  }

  private static String unescape(String escaped) {
    return escaped
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&");
  }

  /** A query's or a text's words in both views: stemmed and as written. */
  private static Set<String> terms(String text) {
    Set<String> terms = new HashSet<>(TextAnalysis.keywordTerms(text));
    terms.addAll(TextAnalysis.exactTerms(text));
    return terms;
  }

  private static String fold(String word) {
    List<String> terms = TextAnalysis.exactTerms(word);
    return terms.isEmpty() ? word.toLowerCase(Locale.ROOT) : terms.getFirst();
  }

  /** A word without the punctuation around it. */
  private static String bare(String word) {
    int start = 0;
    int end = word.length();
    while (start < end && !Character.isLetterOrDigit(word.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetterOrDigit(word.charAt(end - 1))) {
      end--;
    }
    return word.substring(start, end);
  }

  /** Random text, the query language's own pieces and the article's words mixed, or very long. */
  static String anyQuery(RandomGenerator random) {
    return switch (random.nextInt(20)) {
      case 0, 1, 2, 3, 4, 5 -> anyString(random, 40);
      // Long ones are rarer: each costs as much as a hundred short ones.
      case 6 -> anyString(random, SearchRequest.MAX_QUERY_CHARS + 200);
      default -> {
        StringBuilder query = new StringBuilder();
        for (int i = random.nextInt(1, 8); i > 0; i--) {
          query.append(
              switch (random.nextInt(3)) {
                case 0 -> oneOf(random, Arrays.asList(FuzzQueries.NASTY));
                case 1 -> oneOf(random, words);
                default -> anyString(random, 6);
              });
          if (random.nextBoolean()) {
            query.append(' ');
          }
        }
        yield query.toString();
      }
    };
  }

  /** One to three of the article's words, some of them cut short into a prefix. */
  static String wordQuery(RandomGenerator random) {
    List<String> query = new ArrayList<>();
    for (int i = random.nextInt(1, 4); i > 0; i--) {
      String word = oneOf(random, words);
      if (word.length() > 4 && random.nextInt(4) == 0) {
        word = word.substring(0, random.nextInt(3, word.length())) + "*";
      }
      query.add(word);
    }
    return String.join(" ", query);
  }

  /** Two to five consecutive words of a passage of the article, as written. */
  static String phrase(RandomGenerator random) {
    String[] written = oneOf(random, paragraphs).split("\\s+");
    int length = Math.min(written.length, random.nextInt(2, 6));
    int start = random.nextInt(written.length - length + 1);
    return bare(String.join(" ", Arrays.asList(written).subList(start, start + length)));
  }
}
