package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.analysis.TextAnalysis;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quotations cut by elisions, found at the exact limits of what counts as a run. */
class ElidedQuotesTest {

  static final List<String> PARAGRAPH =
      TextAnalysis.exactTerms(
          "Brutal crackdowns came first, then sowing disinformation at home, and throttling"
              + " social media across the whole country.");

  @Test
  void aRunOfTwoWordsAtTheStartOfTheParagraphCounts() {
    // Two words, then six: eight together, as a quote must be.
    ElidedQuotes.Quote quote =
        ElidedQuotes.quoteIn(
            "They wrote of “brutal crackdowns … throttling social media across the whole”.",
            PARAGRAPH);
    assertThat(quote).isNotNull();
    assertThat(quote.text())
        .isEqualTo("brutal crackdowns … throttling social media across the whole");
  }

  @Test
  void aRunOfOneWordCountsForNothingAndIsNotPartOfTheQuote() {
    ElidedQuotes.Quote quote =
        ElidedQuotes.quoteIn(
            "Quoted: “first … sowing disinformation at home … throttling social media across”.",
            PARAGRAPH);
    assertThat(quote).isNotNull();
    assertThat(quote.text())
        .isEqualTo("sowing disinformation at home … throttling social media across");
  }

  @Test
  void runsOfFewerThanEightWordsInAllAreNoQuote() {
    assertThat(
            ElidedQuotes.quoteIn(
                "“brutal crackdowns … throttling social media across the”", PARAGRAPH))
        .isNull();
  }
}
