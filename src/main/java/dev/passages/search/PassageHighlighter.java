package dev.passages.search;

import dev.passages.index.Schema;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Marks matches with Lucene's UnifiedHighlighter, reading offsets from the postings. Matches of the
 * exact view ({@link Schema#TEXT_EXACT}) are shown on the stored text of the keyword view, as both
 * views index the same text. A phrase is marked as one span (weight matches).
 *
 * <p>Two highlighters share the work: one marks the whole passage and yields every match offset;
 * the other crops long passages to their best window at sentence boundaries. One instance per
 * searcher, reused across requests.
 */
final class PassageHighlighter {

  /** Passages up to this many characters are shown whole. */
  static final int WHOLE_UP_TO_CHARS = 320;

  /** Target length of each excerpt window of a longer passage. */
  static final int EXCERPT_CHARS = 200;

  /** Where the first match sits in its window: a third in, so more follows it than precedes. */
  static final float MATCH_ALIGNMENT = 0.33f;

  /** At most this many windows, joined by "…". */
  static final int EXCERPT_WINDOWS = 2;

  /** Text beyond this many characters is not scanned for matches. */
  private static final int MAX_SCANNED_CHARS = 1_000_000;

  private static final String[] FIELDS = {Schema.TEXT};

  private final Marker whole;
  private final Marker excerpt;

  PassageHighlighter(IndexSearcher searcher) {
    this.whole =
        new Marker(builder(searcher, WHOLE_UP_TO_CHARS).withBreakIterator(WholeBreakIterator::new));
    this.excerpt =
        new Marker(
            builder(searcher, Integer.MAX_VALUE)
                .withBreakIterator(
                    () ->
                        LengthGoalBreakIterator.createClosestToLength(
                            BreakIterator.getSentenceInstance(Locale.ROOT),
                            EXCERPT_CHARS,
                            MATCH_ALIGNMENT)));
  }

  /** The whole passage of each doc, marked, with every match offset. */
  Highlight[] whole(Query query, int[] docIds) throws IOException {
    return whole.mark(query, docIds, 1);
  }

  /** The best windows of each doc's passage. */
  Highlight[] excerpts(Query query, int[] docIds) throws IOException {
    return excerpt.mark(query, docIds, EXCERPT_WINDOWS);
  }

  private static UnifiedHighlighter.Builder builder(IndexSearcher searcher, int htmlUpToChars) {
    return UnifiedHighlighter.builder(searcher, Schema.ANALYZER)
        .withFormatter(new MarkFormatter(htmlUpToChars))
        .withMaskedFieldsFunc(
            field -> field.equals(Schema.TEXT) ? Set.of(Schema.TEXT_EXACT) : Set.of())
        .withMaxLength(MAX_SCANNED_CHARS)
        .withMaxNoHighlightPassages(1);
  }

  /** Exposes the highlighter's per-object results, which carry the offsets. */
  private static final class Marker extends UnifiedHighlighter {
    Marker(Builder builder) {
      super(builder);
    }

    Highlight[] mark(Query query, int[] docIds, int windows) throws IOException {
      int[] maxPassages = {windows};
      Object[] marked = highlightFieldsAsObjects(FIELDS, query, docIds, maxPassages).get(FIELDS[0]);
      Highlight[] result = new Highlight[marked.length];
      for (int i = 0; i < marked.length; i++) {
        result[i] = (Highlight) marked[i];
      }
      return result;
    }
  }
}
