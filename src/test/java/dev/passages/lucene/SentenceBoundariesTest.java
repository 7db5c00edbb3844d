package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The highlighter's sentence boundaries, found once and looked up, must be those the JDK's sentence
 * iterator finds reading forward: every answer is compared with them, on the article and on edge
 * cases, and with the JDK iterator itself where it agrees with its own forward reading.
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
          "Quotes: \u201cWhy?\u201d she asked. \u201cBecause.\u201d",
          // Scanning backwards from inside "… She", the JDK iterator stops before the full stop.
          "He left. \u2026 She stayed.",
          "Sales rose. \u2014 Then fell.");

  @Test
  void everyOffsetOfTheArticleAnswersWithTheForwardBoundaries() throws IOException {
    String article = Files.readString(Path.of("corpus/article.txt"));
    assertThat(article.length()).isGreaterThan(1000);
    assertForwardBoundariesAtEveryOffset(article);
    for (String paragraph : article.split("\n\n")) {
      assertForwardBoundariesAtEveryOffset(paragraph);
    }
  }

  @Test
  void edgeCasesAnswerWithTheForwardBoundaries() {
    for (String text : EDGE_CASES) {
      assertForwardBoundariesAtEveryOffset(text);
    }
  }

  @Test
  void whereTheJdkIteratorStopsOnlyBackwardsTheForwardBoundaryIsGiven() {
    BreakIterator ours = new PassageHighlighter.SentenceBoundaries();
    ours.setText("He left. \u2026 She stayed.");
    // Read forward, it is one sentence; scanning back from 10 the JDK iterator stops at 7.
    assertThat(ours.following(0)).isEqualTo(22);
    assertThat(ours.preceding(10)).isEqualTo(0);
  }

  @Test
  void aRandomWalkOverTheArticleAnswersAsTheJdkDoes() throws IOException {
    // The article has no offset where the JDK iterator's backward scan disagrees with its forward
    // reading (checked by the test above), so here every call must answer exactly as it does.
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
  void beforeAnyTextItAnswersAsForAnEmptyText() {
    BreakIterator ours = new PassageHighlighter.SentenceBoundaries();
    BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
    assertThat(ours.first()).isEqualTo(jdk.first());
    assertThat(ours.next()).isEqualTo(jdk.next());
    assertThat(ours.last()).isEqualTo(jdk.last());
    assertThat(ours.following(0)).isEqualTo(jdk.following(0));
  }

  @Test
  void aTextSeenBeforeIsAnsweredFromItsKeptBoundariesWhichTheNextTextLeavesAlone() {
    String text = "One. Two. Three.";
    BreakIterator ours = new PassageHighlighter.SentenceBoundaries();
    ours.setText(text);
    assertThat(ours.following(0)).isEqualTo(5);
    // The next text, read lazily, must not write over the boundaries kept for the first.
    ours.setText(new StringCharacterIterator("Four. Five. Six. Seven."));
    assertThat(ours.last()).isEqualTo(23);
    BreakIterator again = new PassageHighlighter.SentenceBoundaries();
    again.setText(new String(text.toCharArray())); // equal, not the same String
    assertThat(List.of(again.first(), again.next(), again.next(), again.next(), again.next()))
        .containsExactly(0, 5, 10, 16, BreakIterator.DONE);
    assertThat(again.preceding(16)).isEqualTo(10);
  }

  @Test
  void aCloneMovesOnItsOwn() {
    BreakIterator ours = new PassageHighlighter.SentenceBoundaries();
    ours.setText("One. Two. Three.");
    assertThat(ours.following(0)).isEqualTo(5);
    BreakIterator copy = (BreakIterator) ours.clone();
    assertThat(copy.next()).isEqualTo(10);
    assertThat(copy.next()).isEqualTo(16);
    assertThat(ours.current()).isEqualTo(5);
    assertThat(ours.last()).isEqualTo(16);
    assertThat(ours.previous()).isEqualTo(10);
  }

  @Test
  void offsetsOutsideTheTextAreRefusedAsTheJdkRefusesThem() {
    BreakIterator ours = new PassageHighlighter.SentenceBoundaries();
    ours.setText("One. Two.");
    assertThatThrownBy(() -> ours.following(10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ours.preceding(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  /** The highlighter may hand over a character iterator whose text starts past offset 0. */
  @Test
  void overACharacterIteratorThatStartsInsideItsTextItAnswersAsTheJdkDoes() {
    String text = "Skip. One. Two. Three.";
    BreakIterator ours = new PassageHighlighter.SentenceBoundaries();
    BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
    ours.setText(new StringCharacterIterator(text, 6, text.length(), 6));
    jdk.setText(new StringCharacterIterator(text, 6, text.length(), 6));
    assertThat(ours.first()).isEqualTo(jdk.first()).isEqualTo(6);
    assertThat(ours.next()).isEqualTo(jdk.next()).isEqualTo(11);
    assertThat(ours.following(12)).isEqualTo(jdk.following(12)).isEqualTo(16);
    assertThat(ours.last()).isEqualTo(jdk.last()).isEqualTo(22);
    assertThat(ours.first()).isEqualTo(6);
  }

  /** Past the last boundary, {@code following} answers DONE and stays on the last boundary. */
  @Test
  void followingTheLastBoundaryStaysOnIt() {
    BreakIterator ours = new PassageHighlighter.SentenceBoundaries();
    BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
    String text = "One. Two.";
    ours.setText(text);
    jdk.setText(text);
    assertThat(ours.following(text.length() - 1)).isEqualTo(jdk.following(text.length() - 1));
    assertThat(ours.following(text.length()))
        .isEqualTo(jdk.following(text.length()))
        .isEqualTo(BreakIterator.DONE);
    assertThat(ours.current()).isEqualTo(jdk.current()).isEqualTo(text.length());
    assertThat(ours.previous()).isEqualTo(jdk.previous()).isEqualTo(5);
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

  /** The boundaries the JDK iterator finds reading {@code text} forward. */
  private static List<Integer> forwardBoundaries(String text) {
    BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
    jdk.setText(text);
    List<Integer> boundaries = new ArrayList<>();
    for (int b = jdk.first(); b != BreakIterator.DONE; b = jdk.next()) {
      boundaries.add(b);
    }
    return boundaries;
  }

  private static void assertForwardBoundariesAtEveryOffset(String text) {
    List<Integer> forward = forwardBoundaries(text);
    for (int offset = 0; offset <= text.length(); offset++) {
      int after = BreakIterator.DONE;
      int before = BreakIterator.DONE;
      for (int b : forward) {
        if (b > offset && after == BreakIterator.DONE) {
          after = b;
        }
        if (b < offset) {
          before = b;
        }
      }
      // A fresh one for each offset: the lazy one must answer right whatever it has found so far.
      BreakIterator ours = new PassageHighlighter.SentenceBoundaries();
      ours.setText(text);
      assertThat(ours.following(offset)).as("following(%d) in %s", offset, text).isEqualTo(after);
      assertThat(ours.preceding(offset)).as("preceding(%d) in %s", offset, text).isEqualTo(before);
      ours.setText(text);
      assertThat(ours.preceding(offset)).as("preceding(%d) first", offset).isEqualTo(before);
      int next = ours.next();
      int expectedNext =
          before == BreakIterator.DONE
              ? (forward.size() > 1 ? forward.get(1) : BreakIterator.DONE)
              : forward.indexOf(before) + 1 < forward.size()
                  ? forward.get(forward.indexOf(before) + 1)
                  : BreakIterator.DONE;
      assertThat(next).as("next() after preceding(%d) in %s", offset, text).isEqualTo(expectedNext);
    }
  }
}
