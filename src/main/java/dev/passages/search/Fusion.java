package dev.passages.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a ranking by words and a ranking by meaning become one. Every candidate (the best by words
 * and the nearest by meaning) is known both ways: its score by words, as a share of the best score
 * the query could give, and its cosine to the query. The fused score is their mean; passages
 * holding every part of the query come before all others, as they do by words alone.
 *
 * <p>Why this combination, measured with {@code bench/EvalRuns} (nDCG@10 on CISI, MED and the
 * relevance set; success@3 on the paraphrase set; bench/README.md has the table):
 *
 * <ul>
 *   <li>Reciprocal rank fusion (k = 60) gained on CISI and MED (0.443, 0.773) but lost to meaning
 *       alone on paraphrases (0.42 against 0.67): a passage in both rankings (a common word in
 *       common, middling meaning) beats one close in meaning alone.
 *   <li>A mean with the words' score divided by the best on the page did better on CISI and MED
 *       (0.453, 0.782), no better on paraphrases: the best of a page of weak matches counts as a
 *       perfect match.
 *   <li>Divided by the best score possible (Lucene's score bounds for a passage holding every part,
 *       a word the text never uses counted as an average part) weak matches stay weak: 0.444,
 *       0.788, 0.918 and 0.61. Weights of 0.3 to 0.7 for words moved CISI and MED by less than the
 *       noise between runs; equal weights it is.
 * </ul>
 */
public final class Fusion {

  /** The weight of words in the fused score; meaning has the rest. */
  public static final float WORDS_WEIGHT = 0.5f;

  /**
   * A passage found by meaning alone must be at least this close to the query (cosine), else the
   * nearest neighbours of any query would fill the page with passages on other subjects. 0.25
   * rather than 0.3: the paraphrase set gained (0.53 → 0.56 success@3), CISI and MED did not move.
   */
  public static final float MIN_SIMILARITY = 0.25f;

  /** How deep each ranking is read for fusion: past this, words alone order the rest. */
  public static final int DEPTH = 100;

  /** What holding every part of the query adds: above any fused score, which is at most 1. */
  private static final float ALL_PARTS = 10f;

  private Fusion() {}

  /**
   * A passage found by words, by meaning or both.
   *
   * @param byWords whether it holds any part of the query
   * @param holdsAll whether it holds every part
   * @param words its score by words; 0 when not {@code byWords}
   * @param similarity its cosine to the query; NaN when it has no vector yet
   */
  public record Candidate(
      int key, boolean byWords, boolean holdsAll, float words, float similarity) {}

  /**
   * A passage of the fused ranking.
   *
   * @param score the order: higher first; those holding every part above all others
   */
  public record Fused(int key, float score, Matched matched) {}

  /**
   * The candidates as one ranking, best first, without those found by meaning alone that are not
   * {@link #MIN_SIMILARITY} close.
   *
   * @param bestPossible the highest score by words the query can give; 0 when unknown, and the best
   *     of the candidates stands for it
   */
  public static List<Fused> fuse(List<Candidate> candidates, float bestPossible) {
    List<Candidate> kept = new ArrayList<>(candidates.size());
    float bestSeen = 0;
    for (Candidate c : candidates) {
      if (c.byWords() || (!Float.isNaN(c.similarity()) && c.similarity() >= MIN_SIMILARITY)) {
        kept.add(c);
        bestSeen = Math.max(bestSeen, c.words());
      }
    }
    float scale = bestPossible > 0 ? bestPossible : bestSeen;
    List<Fused> fused = new ArrayList<>(kept.size());
    for (Candidate c : kept) {
      double words = scale > 0 ? Math.min(1, c.words() / scale) : 0;
      double meaning = Float.isNaN(c.similarity()) ? 0 : c.similarity();
      double score = WORDS_WEIGHT * words + (1 - WORDS_WEIGHT) * meaning;
      Matched how = c.holdsAll() ? Matched.ALL : c.byWords() ? Matched.SOME : Matched.MEANING;
      fused.add(new Fused(c.key(), (float) ((how == Matched.ALL ? ALL_PARTS : 0) + score), how));
    }
    fused.sort(Comparator.comparingDouble(f -> -f.score()));
    return fused;
  }
}
