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

  private static final int MAX = LongParagraphs.MAX_CHARS;

  @Test
  void aParagraphOfExactlyTheLimitIsOnePassageAndOneCharacterMoreIsTwo() {
    assertThat(LongParagraphs.split("x".repeat(MAX))).containsExactly("x".repeat(MAX));
    assertThat(LongParagraphs.split("x".repeat(MAX + 1))).containsExactly("x".repeat(MAX), "x");
  }

  @Test
  void withoutSentencesAParagraphIsCutAtTheLastSpaceThatKeepsAPieceWithinTheLimit() {
    // The space right after the limit still ends a piece of exactly MAX characters.
    assertThat(LongParagraphs.split("x".repeat(MAX) + " yyy"))
        .containsExactly("x".repeat(MAX), "yyy");
    // Words: every piece ends at a word's end, though the limit falls inside one (9 does not
    // divide MAX).
    String words = "pipeline ".repeat(3_300).strip();
    List<String> pieces = LongParagraphs.split(words);
    assertThat(pieces).hasSize(3);
    assertThat(pieces)
        .allSatisfy(p -> assertThat(p.split(" ")).containsOnly("pipeline"))
        .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(MAX));
    assertThat(String.join(" ", pieces)).isEqualTo(words);
  }

  @Test
  void aSpaceInTheFirstHalfOfThePieceIsNotUsedAndOnePastItIs() {
    // A cut there would leave a piece of half the limit or less: the text is cut at the limit.
    assertThat(LongParagraphs.split("x".repeat(MAX / 2) + " " + "y".repeat(6_000)))
        .containsExactly("x".repeat(MAX / 2) + " " + "y".repeat(MAX / 2 - 1), "y".repeat(1_001));
    assertThat(LongParagraphs.split("x".repeat(MAX / 2 + 1) + " " + "y".repeat(6_000)))
        .containsExactly("x".repeat(MAX / 2 + 1), "y".repeat(6_000));
  }

  @Test
  void aSentenceEndInTheFirstHalfOfThePieceIsNotUsedAndOnePastItIs() {
    // "word " from index 5002 on puts the last space within the limit at index 9996.
    String sentenceAtHalf = "x".repeat(MAX / 2) + ". " + "word ".repeat(1_200).strip();
    assertThat(LongParagraphs.split(sentenceAtHalf).getFirst())
        .isEqualTo(sentenceAtHalf.substring(0, 9_996));

    String sentencePastHalf = "x".repeat(MAX / 2 + 1) + ". " + "word ".repeat(1_200).strip();
    assertThat(LongParagraphs.split(sentencePastHalf))
        .containsExactly("x".repeat(MAX / 2 + 1) + ".", "word ".repeat(1_200).strip());
  }

  @Test
  void aCutAtTheLimitThatWouldSplitACharacterIsMadeOneUnitEarlier() {
    // "a" shifts the emoji so that the limit falls on the second half of one.
    String text = "a" + "🙂".repeat(MAX / 2);
    assertThat(LongParagraphs.split(text)).containsExactly("a" + "🙂".repeat(MAX / 2 - 1), "🙂");
  }
}
