package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.search.Html;
import java.util.Random;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** What the formatter makes of the highlighter's windows of one passage. */
class MarkFormatterTest {

  private final MarkFormatter formatter = new MarkFormatter(320, 2);

  @Test
  void textIsEscapedAsLucenesOwnFormatterEscapesIt() {
    DefaultPassageFormatter lucene = new DefaultPassageFormatter("", "", "", true);
    Random random = new Random(7);
    String pool = "&<>\"'/ aZ09-’“”—ü€\u00a0\n";
    for (int round = 0; round < 500; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append(pool.charAt(random.nextInt(pool.length())));
      }
      Passage whole = new Passage();
      whole.setStartOffset(0);
      whole.setEndOffset(text.length());
      assertThat(Html.escape(text))
          .as("escaping %s", text)
          .isEqualTo(lucene.format(new Passage[] {whole}, text.toString()));
    }
  }

  @Test
  void aPhraseRunningPastTheEndOfItsWindowKeepsItsWholeOffsets() {
    String first = "Quokkas graze on the open steppe. ";
    String content = first + "The herders follow them. " + "Grass grows back. ".repeat(20);
    int steppe = first.indexOf("steppe");
    int phraseEnd = first.length() + "The".length(); // "steppe. The", across the sentence end
    Passage window = window(0, first.length(), 5.0f);
    window.addMatch(0, "Quokkas".length(), new BytesRef("quokkas"), 1);
    window.addMatch(steppe, phraseEnd, new BytesRef("steppe the"), 1);
    Passage later = window(first.length(), content.length(), 1.0f);

    Highlight highlight = formatter.format(new Passage[] {window, later}, content);

    assertThat(highlight.matches())
        .as("the phrase's offsets, not cut at its window's sentence end")
        .anySatisfy(
            match -> assertThat(content.substring(match[0], match[1])).isEqualTo("steppe. The"));
  }

  @Test
  void aShortPassageIsShownWholeWithTheMatchesOfEveryWindow() {
    String content = "Uranium from the steppe. Uranium to the sea.";
    Passage one = window(0, 25, 1.0f);
    one.addMatch(0, 7, new BytesRef("uranium"), 2);
    Passage two = window(25, content.length(), 1.0f);
    two.addMatch(25, 32, new BytesRef("uranium"), 2);

    Highlight highlight = formatter.format(new Passage[] {one, two}, content);

    assertThat(highlight.html())
        .isEqualTo("<mark>Uranium</mark> from the steppe. <mark>Uranium</mark> to the sea.");
    assertThat(highlight.matches()).containsExactly(new int[] {0, 7}, new int[] {25, 32});
  }

  @Test
  void aLongPassageShowsItsTwoBestWindowsInReadingOrder() {
    String sentence = "Nothing to see in this sentence at all. ";
    String content =
        "Alpha one. " + sentence.repeat(5) + "Beta two. " + sentence.repeat(5) + "Gamma.";
    int beta = content.indexOf("Beta");
    int gamma = content.indexOf("Gamma");
    Passage alpha = window(0, 11, 1.0f);
    alpha.addMatch(0, 5, new BytesRef("alpha"), 1);
    Passage betaWindow = window(beta, beta + 10, 3.0f);
    betaWindow.addMatch(beta, beta + 4, new BytesRef("beta"), 1);
    Passage gammaWindow = window(gamma, content.length(), 2.0f);
    gammaWindow.addMatch(gamma, gamma + 5, new BytesRef("gamma"), 1);

    Highlight highlight = formatter.format(new Passage[] {alpha, betaWindow, gammaWindow}, content);

    assertThat(highlight.html()).isEqualTo("…<mark>Beta</mark> two. …<mark>Gamma</mark>.");
    assertThat(highlight.matches()).hasSize(3);
  }

  private static Passage window(int start, int end, float score) {
    Passage passage = new Passage();
    passage.setStartOffset(start);
    passage.setEndOffset(end);
    passage.setScore(score);
    return passage;
  }
}
