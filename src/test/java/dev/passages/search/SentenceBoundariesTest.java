package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The highlighter's sentence boundaries, found once and looked up, must be the JDK's own: every
 * answer is compared with a fresh JDK sentence iterator, on the article and on edge cases.
 */
class SentenceBoundariesTest {

  private static final List<String> EDGE_CASES =
      List.of(
          "",
          "x",
          "No full stop at the end",
          "One. Two. Three.",
          "Dr. Smith met Mr. Jones in the U.S. on Jan. 5. They talked!  Then left? Yes.\n\nNext.",
          "...",
          "Quotes: \u201cWhy?\u201d she asked. \u201cBecause.\u201d");

  @Test
  void everyOffsetOfTheArticleAnswersAsTheJdkDoes() throws IOException {
    String article = Files.readString(Path.of("corpus/article.txt"));
    assertThat(article.length()).isGreaterThan(1000);
    assertSameAtEveryOffset(article);
    for (String paragraph : article.split("\n\n")) {
      assertSameAtEveryOffset(paragraph);
    }
  }

  @Test
  void edgeCasesAnswerAsTheJdkDoes() {
    for (String text : EDGE_CASES) {
      assertSameAtEveryOffset(text);
    }
  }

  @Test
  void aRandomWalkAnswersAsTheJdkDoes() throws IOException {
    String article = Files.readString(Path.of("corpus/article.txt"));
    Random random = new Random(42);
    BreakIterator ours = new PassageHighlighter.SentenceBoundaries();
    BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
    ours.setText(article);
    jdk.setText(article);
    List<String> calls = new ArrayList<>();
    for (int step = 0; step < 5_000; step++) {
      int offset = random.nextInt(article.length() + 1);
      int call = random.nextInt(7);
      String name =
          switch (call) {
            case 0 -> "following(" + offset + ")";
            case 1 -> "preceding(" + offset + ")";
            case 2 -> "next()";
            case 3 -> "previous()";
            case 4 -> "first()";
            case 5 -> "last()";
            default -> "next(" + (offset % 7 - 3) + ")";
          };
      calls.add(name);
      int expected = apply(jdk, call, offset);
      int actual = apply(ours, call, offset);
      assertThat(actual)
          .as("after %s", calls.subList(Math.max(0, calls.size() - 5), calls.size()))
          .isEqualTo(expected);
      assertThat(ours.current()).as("current() after %s", name).isEqualTo(jdk.current());
    }
  }

  @Test
  void offsetsOutsideTheTextAreRefusedAsTheJdkRefusesThem() {
    BreakIterator ours = new PassageHighlighter.SentenceBoundaries();
    ours.setText("One. Two.");
    assertThatThrownBy(() -> ours.following(10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ours.preceding(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static int apply(BreakIterator iterator, int call, int offset) {
    return switch (call) {
      case 0 -> iterator.following(offset);
      case 1 -> iterator.preceding(offset);
      case 2 -> iterator.next();
      case 3 -> iterator.previous();
      case 4 -> iterator.first();
      case 5 -> iterator.last();
      default -> iterator.next(offset % 7 - 3);
    };
  }

  private static void assertSameAtEveryOffset(String text) {
    for (int offset = 0; offset <= text.length(); offset++) {
      // A fresh pair for each offset: the lazy one must answer right whatever it has found so far.
      BreakIterator ours = new PassageHighlighter.SentenceBoundaries();
      BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
      ours.setText(text);
      jdk.setText(text);
      assertThat(ours.following(offset))
          .as("following(%d) in %s", offset, text)
          .isEqualTo(jdk.following(offset));
      assertThat(ours.current()).isEqualTo(jdk.current());
      assertThat(ours.preceding(offset))
          .as("preceding(%d)", offset)
          .isEqualTo(jdk.preceding(offset));
      assertThat(ours.current()).isEqualTo(jdk.current());
      ours.setText(text);
      jdk.setText(text);
      assertThat(ours.preceding(offset))
          .as("preceding(%d) first", offset)
          .isEqualTo(jdk.preceding(offset));
      assertThat(ours.next()).as("next() after preceding(%d)", offset).isEqualTo(jdk.next());
    }
  }
}
