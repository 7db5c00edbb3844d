package dev.passages.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
  void typographyFoldingOfQueryText() {
    assertThat(Typography.fold("“color revolution” – Putin’s"))
        .isEqualTo("\"color revolution\" - Putin's");
    assertThat(Typography.fold("plain")).isSameAs("plain");
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
