package dev.passages.lucene;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's score of a highlighted window (BM25 over the window, times its position's norm), the
 * same sum in the same order, without the {@code BytesRefHash} Lucene builds per window to count
 * its distinct terms: that allocates a 32 KB block for every window scored, the largest single cost
 * of a fresh search's highlighting in a profile of {@code bench/load.sh}. A window holds a few
 * matches, which a scan over the distinct terms seen counts as well.
 */
final class WindowScorer extends PassageScorer {

  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDocument = passage.getMatchTermFreqsInDoc();
    BytesRef[] distinct = new BytesRef[matches];
    int[] inWindow = new int[matches];
    int[] inDocument = new int[matches];
    int count = 0;
    for (int i = 0; i < matches; i++) {
      int term = 0;
      while (term < count && !distinct[term].bytesEquals(terms[i])) {
        term++;
      }
      if (term == count) {
        distinct[count] = terms[i];
        inDocument[count] = freqsInDocument[i];
        count++;
      }
      inWindow[term]++;
    }
    double score = 0d;
    for (int term = 0; term < count; term++) {
      score += tf(inWindow[term], passage.getLength()) * weight(contentLength, inDocument[term]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }
}
