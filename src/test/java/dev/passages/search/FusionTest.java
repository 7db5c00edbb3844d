package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.passages.search.Fusion.Candidate;
import dev.passages.search.Fusion.Fused;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the ranking by words and the ranking by meaning become the order of the hits. */
class FusionTest {

  private static final float NO_VECTOR = Float.NaN;

  @Test
  void aPassageFoundByMeaningAloneMustBeCloseEnough() {
    List<Fused> fused =
        Fusion.fuse(
            List.of(
                byMeaning(1, Fusion.MIN_SIMILARITY),
                byMeaning(2, Math.nextDown(Fusion.MIN_SIMILARITY)),
                byMeaning(3, NO_VECTOR)),
            10f);
    assertThat(fused).extracting(Fused::key).containsExactly(1);
    assertThat(fused.getFirst().matched()).isEqualTo(Matched.MEANING);
  }

  @Test
  void aPassageFoundByWordsIsKeptHoweverFarInMeaning() {
    List<Fused> fused =
        Fusion.fuse(
            List.of(
                new Candidate(1, true, false, 5f, 0f),
                new Candidate(2, true, false, 5f, NO_VECTOR)),
            10f);
    assertThat(fused).extracting(Fused::key).containsExactly(1, 2);
    assertThat(fused).extracting(Fused::matched).containsOnly(Matched.SOME);
    assertThat(fused).extracting(Fused::score).containsOnly(0.25f);
  }

  @Test
  void passagesHoldingEveryPartComeBeforeAllOthers() {
    List<Fused> fused =
        Fusion.fuse(
            List.of(
                new Candidate(1, true, false, 10f, 0.9f),
                byMeaning(2, 1f),
                new Candidate(3, true, true, 1f, 0.3f)),
            10f);
    assertThat(fused).extracting(Fused::key).containsExactly(3, 1, 2);
    assertThat(fused)
        .extracting(Fused::matched)
        .containsExactly(Matched.ALL, Matched.SOME, Matched.MEANING);
  }

  /** Against the best score possible, a weak match by words stays weak and meaning decides. */
  @Test
  void wordsCountAsAShareOfTheBestScorePossible() {
    List<Fused> fused = Fusion.fuse(List.of(strongWords(1), closeMeaning(2)), 10f);
    assertThat(fused).extracting(Fused::key).containsExactly(2, 1);
    assertThat(fused.getFirst().score()).isCloseTo(0.5f * 0.1f + 0.5f * 0.6f, within(1e-6f));
  }

  @Test
  void whenTheBestPossibleIsUnknownTheBestCandidateStandsForIt() {
    List<Fused> fused = Fusion.fuse(List.of(closeMeaning(2), strongWords(1)), 0f);
    assertThat(fused).extracting(Fused::key).containsExactly(1, 2);
    assertThat(fused.getFirst().score()).isCloseTo(0.5f * 1f + 0.5f * 0.3f, within(1e-6f));
  }

  @Test
  void aShareOfTheBestIsAtMostWhole() {
    List<Fused> fused = Fusion.fuse(List.of(new Candidate(1, true, false, 4f, 0.2f)), 2f);
    assertThat(fused.getFirst().score()).isCloseTo(0.5f + 0.1f, within(1e-6f));
  }

  @Test
  void withoutAnyScoreByWordsMeaningAloneOrders() {
    List<Fused> fused = Fusion.fuse(List.of(byMeaning(1, 0.4f), byMeaning(2, 0.8f)), 0f);
    assertThat(fused).extracting(Fused::key).containsExactly(2, 1);
    assertThat(fused).extracting(Fused::score).containsExactly(0.4f, 0.2f);
  }

  /** Twice the words score of {@link #closeMeaning}, half its closeness. */
  private static Candidate strongWords(int key) {
    return new Candidate(key, true, false, 2f, 0.3f);
  }

  private static Candidate closeMeaning(int key) {
    return new Candidate(key, true, false, 1f, 0.6f);
  }

  private static Candidate byMeaning(int key, float similarity) {
    return new Candidate(key, false, false, 0f, similarity);
  }
}
