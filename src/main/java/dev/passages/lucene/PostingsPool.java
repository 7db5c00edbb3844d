package dev.passages.lucene;

import java.util.concurrent.LinkedBlockingDeque;
import org.apache.lucene.index.PostingsEnum;

/**
 * Postings enums that marked pages gave back, per segment of one snapshot, for the next page to
 * reuse ({@code TermsEnum.postings(reuse, flags)}). Opening a word's postings with offsets
 * allocates a few KB of buffers, and each page opened them afresh for each of its words: a tenth of
 * what the query mix's searches allocated (JFR), and reusing them makes the mix 6 % cheaper on one
 * thread. Lucene declines an enum it cannot reuse (another segment's, another field's options) and
 * makes a new one instead, so a wrong guess only costs the allocation it would have saved.
 */
final class PostingsPool {

  /** Kept per segment: enough for the words of the pages under way on a few cores. */
  static final int KEPT_PER_SEGMENT = 64;

  /** The last enum given back is taken first: its buffers are the likeliest still cached. */
  private final LinkedBlockingDeque<PostingsEnum>[] bySegment;

  /** A pool for an index of {@code segments} segments. */
  @SuppressWarnings("unchecked")
  PostingsPool(int segments) {
    bySegment = new LinkedBlockingDeque[segments];
    for (int i = 0; i < segments; i++) {
      bySegment[i] = new LinkedBlockingDeque<>(KEPT_PER_SEGMENT);
    }
  }

  /** An enum given back in segment {@code ord}, taken from the pool; null if none is kept. */
  PostingsEnum take(int ord) {
    return bySegment[ord].pollFirst();
  }

  /**
   * Keeps {@code postings}, read in segment {@code ord}, for another page. The giver must not use
   * it again.
   */
  void giveBack(int ord, PostingsEnum postings) {
    bySegment[ord].offerFirst(postings);
  }
}
