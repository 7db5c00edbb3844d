package dev.passages.lucene;

import dev.passages.corpus.Passage;
import dev.passages.search.Hit;
import dev.passages.search.Html;
import dev.passages.search.Matched;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/** Turns ranked Lucene hits into {@link Hit}s: stored passage, highlight and match offsets. */
final class Hits {

  private Hits() {}

  /** The hits of {@code ranked} from position {@code offset} on, highlighted for {@code query}. */
  static List<Hit> read(HighlightingSearcher searcher, Query query, ScoreDoc[] ranked, int offset)
      throws IOException {
    return read(searcher, query, ranked, offset, false, doc -> Matched.ALL);
  }

  /**
   * Like {@link #read(HighlightingSearcher, Query, ScoreDoc[], int)}, with hits of equal score on
   * the page put in reading order (document id, then place in it), as a listing is. Lucene leaves
   * them in index order, which follows the order documents were indexed in; which hits make the
   * page is still Lucene's choice, so a tie across the page's end follows index order. {@code
   * matched} tells by doc id how each hit matches the query. The order comes from the stored
   * passages the highlighter reads anyway: looking it up in doc values for every hit cost a
   * twentieth of a search.
   */
  static List<Hit> readRanked(
      HighlightingSearcher searcher,
      Query query,
      ScoreDoc[] ranked,
      int offset,
      IntFunction<Matched> matched)
      throws IOException {
    return read(searcher, query, ranked, offset, true, matched);
  }

  /** The hits of {@code ranked} in the order given, marked for {@code query}. */
  static List<Hit> inOrder(
      HighlightingSearcher searcher, Query query, ScoreDoc[] ranked, IntFunction<Matched> matched)
      throws IOException {
    return read(searcher, query, ranked, 0, false, matched);
  }

  private static List<Hit> read(
      HighlightingSearcher searcher,
      Query query,
      ScoreDoc[] ranked,
      int offset,
      boolean tiesInReadingOrder,
      IntFunction<Matched> matched)
      throws IOException {
    if (ranked.length <= offset) {
      return List.of();
    }
    int count = ranked.length - offset;
    int[] docIds = new int[count];
    for (int i = 0; i < count; i++) {
      docIds[i] = ranked[offset + i].doc;
    }
    PassageHighlighter.Marked marks = searcher.highlighter.mark(query, docIds);
    Highlight[] marked = marks.highlights();
    HighlightingSearcher.PassageReads reads = null;
    IndexedPassage[] passages = new IndexedPassage[count];
    for (int i = 0; i < count; i++) {
      IndexedPassage passage = marks.passages().get(docIds[i]);
      if (passage == null) { // not read by the highlighter
        reads = reads != null ? reads : searcher.passageReads();
        passage = reads.read(docIds[i]);
      }
      passages[i] = passage;
    }
    List<Integer> order = IntStream.range(0, count).boxed().collect(Collectors.toList());
    if (tiesInReadingOrder) {
      order.sort(
          Comparator.<Integer>comparingDouble(i -> -ranked[offset + i].score)
              // Document ids in the index's order (UTF-8 bytes), as a listing sorts them.
              .thenComparing(i -> new BytesRef(passages[i].passage().doc()))
              .thenComparingInt(i -> passages[i].ordinal()));
    }
    List<Hit> hits = new ArrayList<>(count);
    for (int i : order) {
      IndexedPassage indexed = passages[i];
      Passage passage = indexed.passage();
      hits.add(
          new Hit(
              passage.id(),
              passage.doc(),
              indexed.title(),
              indexed.source().id(),
              passage.kind().id(),
              passage.paragraph(),
              passage.section(),
              ranked[offset + i].score,
              matched.apply(docIds[i]),
              passage.text(),
              marked[i] != null ? marked[i].html() : Html.escape(passage.text()),
              marked[i] != null ? marked[i].matches() : List.of(),
              List.of()));
    }
    return hits;
  }
}
