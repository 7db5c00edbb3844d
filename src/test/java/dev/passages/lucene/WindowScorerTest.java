package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class WindowScorerTest {

  @Test
  void scoresEveryWindowExactlyAsLucenesPassageScorerDoes() {
    PassageScorer lucene = new PassageScorer();
    WindowScorer ours = new WindowScorer();
    Random random = new Random(15);
    String[] words = {"uranium", "kazakhstan", "tokayev", "oil", "gas", "putin", "a"};
    for (int trial = 0; trial < 2_000; trial++) {
      Passage passage = new Passage();
      int start = random.nextInt(5_000);
      int length = 1 + random.nextInt(2_000);
      passage.setStartOffset(start);
      passage.setEndOffset(start + length);
      int matches = random.nextInt(40);
      for (int m = 0; m < matches; m++) {
        int at = start + random.nextInt(length);
        String word = words[random.nextInt(1 + trial % words.length)];
        // Lucene gives a term the same frequency in the document each time it matches.
        int inDocument = 1 + Math.abs(word.hashCode() % 9);
        passage.addMatch(
            at, Math.min(at + word.length(), start + length), new BytesRef(word), inDocument);
      }
      int contentLength = start + length + random.nextInt(3_000);
      assertThat(ours.score(passage, contentLength))
          .as("trial %d", trial)
          .isEqualTo(lucene.score(passage, contentLength));
    }
  }
}
