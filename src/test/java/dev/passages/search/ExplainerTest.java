package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the explanation of a hit says: which part of the query found which words, and how. */
class ExplainerTest {

  @Test
  void aWordAsTypedIsAnExactMatchAndAnotherFormAStemmedOne() {
    assertThat(explain("investments", "Investments grew, and investment fell.", "Investments"))
        .containsExactly(new MatchNote("investments", "Investments", "exact"));
    assertThat(explain("investments", "Investments grew, and investment fell.", "investment"))
        .containsExactly(new MatchNote("investments", "investment", "stem"));
  }

  @Test
  void aCorrectedWordIsExplainedAsTheTypoTyped() {
    Explainer explainer =
        new Explainer(QuerySyntax.parse("investment"), Map.of("investment", "invstment"));
    Hit hit = hit("Foreign investment grew.", "investment");
    assertThat(explainer.explain(hit))
        .containsExactly(new MatchNote("invstment", "investment", "typo"));
  }

  @Test
  void eachMatchIsCreditedToThePartThatFoundIt() {
    assertThat(explain("gas oil", "The oil and the gas.", "oil", "gas"))
        .containsExactly(
            new MatchNote("oil", "oil", "exact"), new MatchNote("gas", "gas", "exact"));
  }

  /**
   * Analysed words are kept for the whole process, so words that no test analysed before make sure
   * the explanation comes from the analysis itself rather than from what another test left.
   */
  @Test
  void wordsNeverAnalysedBeforeAreCreditedToTheirOwnPart() {
    String first = freshWord();
    String second = freshWord();
    assertThat(explain(first + " " + second, "Then " + second + " came.", second))
        .containsExactly(new MatchNote(second, second, "exact"));
  }

  @Test
  void aPhraseIsExplainedWithItsQuotes() {
    assertThat(
            explain(
                "\"color revolution\" sanctions",
                "A color revolution, they said, and sanctions.",
                "color revolution",
                "sanctions"))
        .containsExactly(
            new MatchNote("\"color revolution\"", "color revolution", "phrase"),
            new MatchNote("sanctions", "sanctions", "exact"));
  }

  @Test
  void aPrefixExplainsOnlyTheWordsItBegins() {
    assertThat(explain("kazakh* Russia", "Kazakhstan borders Russia.", "Kazakhstan", "Russia"))
        .containsExactly(
            new MatchNote("kazakh*", "Kazakhstan", "prefix"),
            new MatchNote("Russia", "Russia", "exact"));
  }

  /**
   * Phrases this long are analysed afresh each time rather than kept; they must still be told
   * apart.
   */
  @Test
  void longPhrasesAreEachCreditedWithTheirOwnWords() {
    String first = "the long and winding pipeline that carries oil across the steppe to the sea";
    String second = "a quiet border between two countries that have not spoken for many years";
    assertThat(first).hasSizeGreaterThan(64);
    assertThat(second).hasSizeGreaterThan(64);
    String text = "They said " + second + ".";
    assertThat(explain("\"" + first + "\" \"" + second + "\"", text, second))
        .containsExactly(new MatchNote("\"" + second + "\"", second, "phrase"));
  }

  @Test
  void aWordMatchedTwiceIsExplainedOnce() {
    assertThat(explain("oil", "Oil, oil and oil.", "oil", "oil"))
        .containsExactly(new MatchNote("oil", "oil", "exact"));
  }

  @Test
  void aHitIsExplainedByAtMostTenNotesInTheOrderOfTheText() {
    List<String> words =
        List.of(
            "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
            "juliett", "kilo", "lima");
    String text = String.join(" ", words);
    List<MatchNote> notes = explain(text, text, words.toArray(String[]::new));
    assertThat(notes).hasSize(Explainer.MAX_NOTES);
    assertThat(notes)
        .extracting(MatchNote::matched)
        .containsExactlyElementsOf(words.subList(0, Explainer.MAX_NOTES));
  }

  private static final AtomicInteger FRESH = new AtomicInteger();

  /** A made-up word of letters alone (one word to the analysis), new on every call. */
  private static String freshWord() {
    StringBuilder word = new StringBuilder("zq");
    for (char digit : Integer.toString(FRESH.incrementAndGet(), 26).toCharArray()) {
      word.append((char) ('a' + Character.digit(digit, 26)));
    }
    return word.toString();
  }

  private static List<MatchNote> explain(String query, String text, String... matched) {
    return new Explainer(QuerySyntax.parse(query), Map.of()).explain(hit(text, matched));
  }

  /** A hit on {@code text} matching each of {@code matched}, found left to right. */
  private static Hit hit(String text, String... matched) {
    List<int[]> matches = new ArrayList<>();
    int from = 0;
    for (String words : matched) {
      int start = text.indexOf(words, from);
      assertThat(start).as("%s in %s", words, text).isNotNegative();
      matches.add(new int[] {start, start + words.length()});
      from = start + words.length();
    }
    return new Hit(
        "article#p1",
        "article",
        "Title",
        "article",
        "paragraph",
        1,
        null,
        1f,
        Matched.ALL,
        text,
        Html.escape(text),
        matches,
        List.of());
  }
}
