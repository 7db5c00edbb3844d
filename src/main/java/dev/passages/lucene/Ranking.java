package dev.passages.lucene;

/**
 * The ranking signals added to BM25, checked on the relevance test set ({@code
 * relevance/judgments.tsv}, {@code RelevanceTest}) with a grid over these values and the short
 * passage weight ({@link dev.passages.index.Schema#SHORT_PASSAGE_WEIGHT}: 1.0, 0.8, 0.6, 0.4). The
 * set barely moves with the two boosts (nDCG@10 within 0.005 over the grid, MRR unchanged): few of
 * its queries have words both near and far in different passages. They stay, at values that cost at
 * most 0.005 nDCG@10, because RankingTest requires the behaviour: words standing together beat
 * scattered ones, the form as typed beats another form of the word. The short passage weight 0.6
 * was best, by a hair (0.835 against 0.834 at 1.0).
 */
final class Ranking {

  /** Weight of a match of the word as typed (the exact view) on top of its stemmed match. */
  static final float EXACT_FORM_BOOST = 0.3f;

  /** Weight of the query's words standing within {@link #NEAR_SLOP} positions of each other. */
  static final float NEAR_BOOST = 1.0f;

  static final int NEAR_SLOP = 6;

  /** Longer queries (a pasted paragraph) get no proximity clause: it would cost, not help. */
  static final int NEAR_MAX_WORDS = 8;

  private Ranking() {}
}
