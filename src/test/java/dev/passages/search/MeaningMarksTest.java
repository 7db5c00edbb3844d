package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.TestModel;
import dev.passages.embedding.Embedder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a passage found by meaning alone shows why it is there: its sentence closest to the question
 * marked, escaped like any highlight, the passage whole when short and the sentence alone when not.
 */
class MeaningMarksTest {

  private static final String OPEN = MeaningMarks.OPEN;
  private static final String CLOSE = MeaningMarks.CLOSE;

  @Test
  void aShortPassageIsShownWholeWithTheSentenceMarkedAndEveryPartEscaped() {
    String text = "A <b> & B. The \"troops\" came. C's end/";
    Embedder.Span sentence = new Embedder.Span(11, 29);

    assertThat(MeaningMarks.highlight(text, sentence))
        .isEqualTo(
            "A &lt;b&gt; &amp; B. "
                + OPEN
                + "The &quot;troops&quot; came."
                + CLOSE
                + " C&#x27;s end&#x2F;");
  }

  @Test
  void aPassageOfTheLongestShownWholeIsShownWhole() {
    String text = "x".repeat(Hit.WHOLE_UP_TO_CHARS - 10) + " Troops came.";
    text = text.substring(text.length() - Hit.WHOLE_UP_TO_CHARS);
    assertThat(text).hasSize(Hit.WHOLE_UP_TO_CHARS);
    Embedder.Span last = new Embedder.Span(text.length() - 12, text.length());

    assertThat(MeaningMarks.highlight(text, last))
        .isEqualTo(text.substring(0, last.start()) + OPEN + "Troops came." + CLOSE);
  }

  @Test
  void aLongerPassageShowsTheSentenceAloneWithEllipsesWhereTextIsLeftOut() {
    String before = "a".repeat(Hit.WHOLE_UP_TO_CHARS) + " ";
    String sentence = "The troops <came> & went.";
    String after = " More text.";
    String text = before + sentence + after;
    Embedder.Span middle = new Embedder.Span(before.length(), before.length() + sentence.length());

    assertThat(MeaningMarks.highlight(text, middle))
        .isEqualTo("…" + OPEN + "The troops &lt;came&gt; &amp; went." + CLOSE + "…");
    // At the start or the end: no ellipsis on that side.
    String first = sentence + " " + "b".repeat(Hit.WHOLE_UP_TO_CHARS);
    assertThat(MeaningMarks.highlight(first, new Embedder.Span(0, sentence.length())))
        .isEqualTo(OPEN + "The troops &lt;came&gt; &amp; went." + CLOSE + "…");
    String last = before + sentence;
    assertThat(MeaningMarks.highlight(last, new Embedder.Span(before.length(), last.length())))
        .isEqualTo("…" + OPEN + "The troops &lt;came&gt; &amp; went." + CLOSE);
  }

  @Test
  void aSentenceOfTheLongestShownIsShownWholeAndALongerOneIsCutAtAWord() {
    int max = MeaningMarks.MAX_SENTENCE_CHARS;
    String longest = ("word " + "w".repeat(max)).substring(0, max);
    // No space right after it: a cut would have to go back to "word".
    String text = longest + "x tail " + "t".repeat(Hit.WHOLE_UP_TO_CHARS);
    assertThat(MeaningMarks.highlight(text, new Embedder.Span(0, max)))
        .isEqualTo(OPEN + longest + CLOSE + "…");

    // One character more: cut at the last space within the limit.
    String longer = "word " + "w".repeat(max);
    String text2 = longer + " tail";
    assertThat(MeaningMarks.highlight(text2, new Embedder.Span(0, longer.length())))
        .isEqualTo(OPEN + "word" + CLOSE + "…");

    // No space to cut at: cut at the limit.
    String unbroken = "u".repeat(max + 1);
    assertThat(MeaningMarks.highlight(unbroken, new Embedder.Span(0, unbroken.length())))
        .isEqualTo(OPEN + "u".repeat(max) + CLOSE + "…");

    // A space just before the sentence does not count: the cut stays inside it.
    String after = "a".repeat(Hit.WHOLE_UP_TO_CHARS) + " " + "v".repeat(max + 1);
    int start = after.length() - max - 1;
    assertThat(MeaningMarks.highlight(after, new Embedder.Span(start, after.length())))
        .isEqualTo("…" + OPEN + "v".repeat(max) + CLOSE + "…");
  }

  @Test
  void theSentenceClosestInMeaningIsMarkedGivenAsTheMatchAndExplained() {
    Embedder embedder = TestModel.shared().now().orElseThrow();
    MeaningMarks marks = new MeaningMarks(embedder);
    String text = "Oil prices rose in the spring. Soldiers were sent to the capital. Tea is hot.";
    float[] question = embedder.embed("who sent troops to the city");

    Hit marked = marks.mark(hit(text), question, "who sent troops to the city");

    assertThat(marked.matches()).hasSize(1);
    int[] match = marked.matches().getFirst();
    assertThat(text.substring(match[0], match[1])).isEqualTo("Soldiers were sent to the capital.");
    assertThat(marked.highlight())
        .isEqualTo(
            "Oil prices rose in the spring. "
                + OPEN
                + "Soldiers were sent to the capital."
                + CLOSE
                + " Tea is hot.");
    assertThat(marked.explain())
        .containsExactly(
            new MatchNote(
                "who sent troops to the city", "Soldiers were sent to the capital.", "meaning"));
    assertThat(marked.text()).isEqualTo(text);
    assertThat(marked.id()).isEqualTo("doc#p1");
  }

  @Test
  void ofSentencesEquallyCloseTheFirstIsMarked() {
    Embedder embedder = TestModel.shared().now().orElseThrow();
    String text = "Troops came. Troops came.";

    Hit marked = new MeaningMarks(embedder).mark(hit(text), embedder.embed("Troops came."), "q");

    assertThat(marked.matches().getFirst()).containsExactly(0, 12);
  }

  @Test
  void aPassageWithoutASentenceIsLeftAsItIs() {
    Hit blank = hit(" ");
    assertThat(new MeaningMarks(TestModel.shared().now().orElseThrow()).mark(blank, null, "q"))
        .isSameAs(blank);
  }

  private static Hit hit(String text) {
    return new Hit(
        "doc#p1",
        "doc",
        "Doc",
        "commentary",
        "paragraph",
        1,
        null,
        1f,
        Matched.MEANING,
        text,
        Html.escape(text),
        List.of(),
        List.of());
  }
}
