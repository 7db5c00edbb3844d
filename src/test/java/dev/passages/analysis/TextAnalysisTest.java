package dev.passages.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextAnalysisTest {

  @ParameterizedTest(name = "keyword view: \"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "investments | invest",
        "investment | invest",
        "uprisings | upris",
        "uprising | upris",
        "Putin's rhetoric | putin rhetor",
        "Putin’s rhetoric | putin rhetor",
        "the rest of the world | rest world",
        "Sino-Kazakh | sino kazakh",
        "Sino–Kazakh | sino kazakh",
        "12th-largest | 12th largest",
        "1,100-mile | 1100 mile",
        "1100 | 1100",
        "26\u00A0000 | 26000",
        "1,2,3 | 1,2,3",
        "Café Zürich | cafe zurich",
        // Folded by the typography table, not by ASCII folding: invisible or letter-like marks.
        "ura\u00ADnium | uranium",
        "ura\u200Bnium | uranium",
        "\uFEFFuranium | uranium",
        "Putin\u02BCs rhetoric | putin rhetor",
        // Digit groups: a separator needs a digit before it and three after.
        "26\u202F000 | 26000",
        "26\u2009000 | 26000",
        "26 000 | 26 000",
        ",100 | 100",
        "x,100 | x 100",
        "1,1000 | 1,1000",
        "26, | 26",
      })
  void keywordViewStemsAndDropsStopwords(String text, String terms) {
    assertThat(terms(TextAnalysis.keyword(), text)).isEqualTo(List.of(terms.split(" ")));
  }

  @ParameterizedTest(name = "exact view: \"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "the rest of the world | the rest of the world",
        "rest in the world | rest in the world",
        "Investments | investments",
        "Putin’s | putin's",
        "Putin's | putin's",
        "“color revolution” | color revolution",
        "Kassym-Jomart | kassym jomart",
        "Café | cafe",
        "Putin\u02BCs | putin's",
        "ura\u00ADnium | uranium",
        "1,100 | 1100",
      })
  void exactViewKeepsEveryWordAsWritten(String text, String terms) {
    assertThat(terms(TextAnalysis.exact(), text)).isEqualTo(List.of(terms.split(" ")));
  }

  @Test
  void offsetsPointIntoTheOriginalTextAfterFolding() {
    String text = "Putin’s 1,100-mile border";
    assertThat(offsets(TextAnalysis.keyword(), text))
        .containsExactly("Putin’s", "1,100", "mile", "border");
  }

  @Test
  void offsetsSkipOverInvisibleMarksAndDigitSeparators() {
    String text = "ura\u00ADnium 26\u00A0000 Putin\u02BCs";
    assertThat(offsets(TextAnalysis.exact(), text))
        .containsExactly("ura\u00ADnium", "26\u00A0000", "Putin\u02BCs");
  }

  /**
   * Texts longer than the first read buffer (256 characters) and just around its doublings: every
   * word is found, with offsets into the text, and the stream ends at the text's end.
   */
  @ParameterizedTest(name = "{0} words")
  @ValueSource(ints = {1, 42, 43, 64, 85, 86, 128, 171, 172, 3_000})
  void longTextsAreAnalysedWhole(int words) {
    // "word " is 5 characters, the last word ends in "1,100 ura\u00ADnium": both filters at work.
    String text = "word ".repeat(words) + "1,100 ura\u00ADnium";
    for (Analyzer analyzer : List.of(TextAnalysis.keyword(), TextAnalysis.exact())) {
      List<String> expected = new ArrayList<>(Collections.nCopies(words, "word"));
      expected.addAll(List.of("1100", "uranium"));
      assertThat(terms(analyzer, text)).isEqualTo(expected);
      assertThat(offsets(analyzer, text).getLast()).isEqualTo("ura\u00ADnium");
      assertThat(finalOffset(analyzer, text)).isEqualTo(text.length());
    }
  }

  @Test
  void aStreamEndsAtTheEndOfItsText() {
    for (String text : List.of("", "a", "uranium ", "x".repeat(256), "y".repeat(300) + "\u2019")) {
      assertThat(finalOffset(TextAnalysis.keyword(), text)).as(text).isEqualTo(text.length());
      assertThat(finalOffset(TextAnalysis.exact(), text)).as(text).isEqualTo(text.length());
    }
  }

  /**
   * Indexing, searching and highlighting analyse on many threads, and Lucene builds an analyzer's
   * chain once per thread: a new thread must get the same views.
   */
  @Test
  void everyThreadGetsTheSameViews() throws Exception {
    String text = "Putin’s investments in the “color revolution”";
    List<String> keyword = List.of("putin", "invest", "color", "revolut");
    List<String> exact = List.of("putin's", "investments", "in", "the", "color", "revolution");
    try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
      for (int i = 0; i < 4; i++) {
        assertThat(threads.submit(() -> TextAnalysis.keywordTerms(text)).get()).isEqualTo(keyword);
        assertThat(threads.submit(() -> TextAnalysis.exactTerms(text)).get()).isEqualTo(exact);
      }
    }
    assertThat(TextAnalysis.keywordTerms(text)).isEqualTo(keyword);
    assertThat(TextAnalysis.exactTerms(text)).isEqualTo(exact);
  }

  /**
   * Prefixes and other terms that are not analysed (a prefix is no whole word to stem) are
   * normalised by the same folding as the text they must match.
   */
  @Test
  void termsThatAreNotAnalysedAreFoldedLikeTheText() {
    for (Analyzer analyzer : List.of(TextAnalysis.keyword(), TextAnalysis.exact())) {
      assertThat(analyzer.normalize("f", "Putin\u02BCs Café").utf8ToString())
          .isEqualTo("putin's cafe");
      assertThat(analyzer.normalize("f", "URA\u00ADNIUM").utf8ToString()).isEqualTo("uranium");
    }
  }

  @Test
  void fillerWordsFrameAQuestionButCarryNoneOfIt() {
    assertThat(List.of("What", "did", "about", "should", "who"))
        .allMatch(TextAnalysis::isFillerWord);
    assertThat(List.of("uranium", "China", "troops", "")).noneMatch(TextAnalysis::isFillerWord);
  }

  @Test
  void theTableGivenToOtherEnginesIsTheOneAppliedHere() {
    assertThat(Typography.folds()).isNotEmpty().containsEntry("\u2019", "'");
    Typography.folds()
        .forEach(
            (variant, plain) -> {
              assertThat(Typography.fold("a" + variant + "b")).isEqualTo("a" + plain + "b");
              assertThat(Typography.isVariant(variant.charAt(0))).isTrue();
            });
    assertThat(Typography.fold("26\u00A0000")).isEqualTo("26 000");
    assertThat(Typography.fold("\u00A0")).isEqualTo(" ");
  }

  @Test
  void typographyFoldingOfQueryText() {
    assertThat(Typography.fold("“color revolution” – Putin’s"))
        .isEqualTo("\"color revolution\" - Putin's");
    assertThat(Typography.fold("plain")).isSameAs("plain");
  }

  /** The offset a stream reports after its end: where its text ends. */
  private static int finalOffset(Analyzer analyzer, String text) {
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        // to the end
      }
      stream.end();
      return offset.endOffset();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> terms(Analyzer analyzer, String text) {
    return TextAnalysis.terms(analyzer, "f", text);
  }

  /** The original text each token came from, by its offsets. */
  private static List<String> offsets(Analyzer analyzer, String text) {
    List<String> spans = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        spans.add(text.substring(offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return spans;
  }
}
