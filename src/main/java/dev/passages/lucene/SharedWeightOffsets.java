package dev.passages.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.OffsetSource;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Where the query matches in a passage, read from the postings with one weight of the query for the
 * whole request. Lucene's own postings strategy makes a searcher, rewrites the query and makes its
 * weight anew for every passage, and so looks every term up in the term dictionary again for each:
 * a tenth of a question's search (JFR, the query mix under load). The weight here is made once,
 * over the index's own leaves, and its terms are looked up once per segment. A query of single
 * words and exact phrases is read more simply still: each word's postings once per segment for the
 * page ({@link PageWords}).
 *
 * <p>As Lucene's, for weight matches with the highlighter's default field matcher (only the field
 * itself), which this highlighter uses.
 */
final class SharedWeightOffsets extends FieldOffsetStrategy {

  /** The marked query's weight over the whole index, shared by the fields of one request. */
  static final class RequestWeight {
    private final IndexSearcher searcher;
    private final boolean wordsByPage;
    private Query query;
    private Weight weight;
    private final List<PageWords> pages = new ArrayList<>();

    RequestWeight(IndexSearcher searcher, boolean wordsByPage) {
      this.searcher = searcher;
      this.wordsByPage = wordsByPage;
    }

    /** The weight of {@code query}, made at its first use (a highlighter marks one query). */
    Weight of(Query query) throws IOException {
      if (weight == null || query != this.query) {
        weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        this.query = query;
      }
      return weight;
    }

    /**
     * The words of {@code query} in the fields {@code markedField} accepts, read by page ({@link
     * PageWords#of}), with postings drawn from the snapshot's pool; null when the query is not made
     * of such words.
     */
    PageWords pageWords(Query query, Predicate<String> markedField) {
      PageWords words = PageWords.of(query, markedField);
      if (words != null && searcher instanceof HighlightingSearcher snapshot) {
        words.drawingOn(snapshot);
        pages.add(words);
      }
      return words;
    }

    /** Gives the postings of the request's pages back to the pool, once they are marked. */
    void giveBackPostings() {
      pages.forEach(PageWords::giveBackPostings);
      pages.clear();
    }

    /** The index's own context of {@code reader}, one of its segments; null if it is not one. */
    LeafReaderContext contextOf(LeafReader reader) {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        if (leaf.reader() == reader) {
          return leaf;
        }
      }
      return null;
    }
  }

  /**
   * A prefix that stands for more words than this in a segment is marked by analysing the passages
   * again (Lucene's choice for every prefix): read from the postings, each passage would look up
   * every word of the prefix.
   */
  static final int MAX_PREFIX_WORDS = 32;

  private final RequestWeight shared;

  /**
   * The query's words in this field, when it is made of single words and exact phrases only; else
   * null. A strategy marks one field for one request (the exact view has a strategy of its own,
   * with the same query), so the words' postings are opened once for the page.
   */
  private final PageWords words;

  SharedWeightOffsets(UHComponents components, RequestWeight shared) {
    super(components);
    this.shared = shared;
    this.words =
        shared.wordsByPage ? shared.pageWords(components.query(), components.fieldMatcher()) : null;
  }

  @Override
  public OffsetSource getOffsetSource() {
    return OffsetSource.POSTINGS;
  }

  @Override
  public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content)
      throws IOException {
    LeafReaderContext leaf = shared.contextOf(reader);
    if (leaf == null) {
      return createOffsetsEnumFromReader(reader, docId); // Lucene's way: not a segment of ours
    }
    if (reader.terms(getField()) == null) {
      return OffsetsEnum.EMPTY;
    }
    if (words != null) {
      return words.offsets(leaf, docId);
    }
    Matches matches = shared.of(components.query()).matches(leaf, docId);
    if (matches == null) {
      return OffsetsEnum.EMPTY;
    }
    List<OffsetsEnum> found = new ArrayList<>(1);
    for (String field : matches) {
      if (components.fieldMatcher().test(field)) {
        MatchesIterator iterator = matches.getMatches(field);
        if (iterator != null) {
          found.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
        }
      }
    }
    return switch (found.size()) {
      case 0 -> OffsetsEnum.EMPTY;
      case 1 -> found.getFirst();
      default -> new OffsetsEnum.MultiOffsetsEnum(found);
    };
  }

  /**
   * Whether every prefix (or other pattern) of {@code query} in {@code field} stands for at most
   * {@value #MAX_PREFIX_WORDS} words in each segment, so that its marks are best read from the
   * postings; false when the query has a part whose words cannot be told.
   */
  static boolean fewWordsMatching(IndexSearcher searcher, Query query, String field)
      throws IOException {
    List<MultiTermQuery> patterns = new ArrayList<>();
    boolean[] unknown = {false};
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String name) {
            return name.equals(field);
          }

          /**
           * Excluded patterns too: a passage's matches are only known once each excluded part is
           * known not to match it, so an excluded prefix is looked up word by word as well.
           */
          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return this;
          }

          @Override
          public void consumeTermsMatching(
              Query part, String name, Supplier<ByteRunAutomaton> automaton) {
            if (part instanceof MultiTermQuery pattern) {
              patterns.add(pattern);
            } else {
              unknown[0] = true;
            }
          }
        });
    if (unknown[0]) {
      return false;
    }
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      for (MultiTermQuery pattern : patterns) {
        TermsEnum words = pattern.getTermsEnum(terms);
        for (int n = 0; words.next() != null; n++) {
          if (n == MAX_PREFIX_WORDS) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
