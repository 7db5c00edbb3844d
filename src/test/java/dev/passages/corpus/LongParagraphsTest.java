package dev.passages.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LongParagraphsTest {

  @Test
  void ordinaryParagraphsStayWhole() {
    assertThat(LongParagraphs.split("A sentence. Another one."))
        .containsExactly("A sentence. Another one.");
  }

  @Test
  void aHugeParagraphIsCutAtSentencesIntoPassagesOfBoundedLength() {
    String text = "This is one sentence of the endless line. ".repeat(1_000).strip();
    List<String> pieces = LongParagraphs.split(text);
    assertThat(pieces).hasSizeGreaterThan(1);
    assertThat(pieces)
        .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(LongParagraphs.MAX_CHARS));
    assertThat(pieces).allSatisfy(p -> assertThat(p).endsWith("line."));
    assertThat(String.join(" ", pieces)).isEqualTo(text);
  }

  @Test
  void textWithoutSpacesIsCutAnywhereButNeverInsideACharacter() {
    String text = "🙂".repeat(LongParagraphs.MAX_CHARS);
    List<String> pieces = LongParagraphs.split(text);
    assertThat(String.join("", pieces)).isEqualTo(text);
    assertThat(pieces).allSatisfy(p -> assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse());
  }
}
