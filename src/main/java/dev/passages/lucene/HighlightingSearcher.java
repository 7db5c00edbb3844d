package dev.passages.lucene;

import dev.passages.corpus.Source;
import dev.passages.search.BoundedCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOSupplier;

/** A searcher with its highlighter, built once per index snapshot and shared by requests. */
final class HighlightingSearcher extends IndexSearcher {

  final PassageHighlighter highlighter;

  private final List<Source> sourcesBySize;

  /** What each query word's spelling was decided to be in this snapshot (Spelling.correct). */
  final BoundedCache<String, String> spelling = new BoundedCache<>(Spelling.DECISIONS_KEPT);

  /**
   * Where each word of recent queries sits in each segment of this snapshot, with its statistics. A
   * query names a word several times (the words, the words holding every part, the words near each
   * other), and readers repeat words; looking each up in every segment's term dictionary again was
   * a tenth of a search of two words at a million passages.
   */
  private final BoundedCache<Term, TermStates> termStates = new BoundedCache<>(TERMS_KEPT);

  static final int TERMS_KEPT = 4_096;

  /**
   * The passages of this snapshot that recent pages showed, as read from the stored fields, by doc
   * id. Each hit of a page is read by decompressing the block of stored fields that holds it, and
   * pages show the same passages again and again (the seed corpus has 27): reading them was a tenth
   * of a fresh search's server CPU there, and the query mix on one thread cost 66 µs a search
   * without this cache against 49 with it. Only passages of up to {@value #KEPT_UP_TO_CHARS}
   * characters are kept, which bounds the cache to a few MB.
   */
  private final BoundedCache<Integer, IndexedPassage> passages = new BoundedCache<>(PASSAGES_KEPT);

  static final int PASSAGES_KEPT = 2_048;

  static final int KEPT_UP_TO_CHARS = 2_000;

  /** The postings enums that marked pages of this snapshot gave back. */
  final PostingsPool postings;

  HighlightingSearcher(IndexReader reader) {
    super(reader);
    this.postings = new PostingsPool(reader.leaves().size());
    this.highlighter = new PassageHighlighter(this);
    this.sourcesBySize = sourcesBySize(reader);
  }

  /** Reads this snapshot's stored passages for one request, through the kept ones. */
  PassageReads passageReads() {
    return new PassageReads();
  }

  /** The stored passages one request reads; not thread-safe, as Lucene's StoredFields is not. */
  final class PassageReads {
    private StoredFields stored;

    private PassageReads() {}

    /** The passage stored for {@code doc}: kept, or read and kept. */
    IndexedPassage read(int doc) throws IOException {
      IndexedPassage passage = passages.get(doc);
      if (passage == null) {
        stored = stored != null ? stored : storedFields();
        passage = PassageDocuments.fromDocument(stored.document(doc));
        if (passage.passage().text().length() <= KEPT_UP_TO_CHARS) {
          passages.put(doc, passage);
        }
      }
      return passage;
    }
  }

  /** Weighs a word with its kept place in the index, looked up once per snapshot. */
  @Override
  public Weight createWeight(Query query, ScoreMode scoreMode, float boost) throws IOException {
    if (query instanceof TermQuery word && word.getTermStates() == null) {
      query = withStates(word);
    } else if (query instanceof BoostQuery boosted
        && boosted.getQuery() instanceof TermQuery word
        && word.getTermStates() == null) {
      // A boost weighs its query itself, not through the searcher.
      query = new BoostQuery(withStates(word), boosted.getBoost());
    }
    return super.createWeight(query, scoreMode, boost);
  }

  private TermQuery withStates(TermQuery word) throws IOException {
    return new TermQuery(word.getTerm(), states(word.getTerm()));
  }

  /**
   * How many passages of this snapshot hold {@code term}, deleted ones included until merged away:
   * from its kept place in the index.
   */
  int docFreq(Term term) throws IOException {
    return states(term).docFreq();
  }

  /**
   * Where {@code term}'s postings begin in {@code segment}, one of this snapshot's, from its kept
   * place in the index; null when the segment does not hold it.
   */
  TermState termState(Term term, LeafReaderContext segment) throws IOException {
    IOSupplier<TermState> state = states(term).get(segment);
    return state == null ? null : state.get();
  }

  private TermStates states(Term term) throws IOException {
    TermStates states = termStates.get(term);
    if (states == null) {
      // Built with statistics, every segment's state is looked up now: nothing changes later.
      states = TermStates.build(this, term, true);
      termStates.put(new Term(term.field(), BytesRef.deepCopyOf(term.bytes())), states);
    }
    return states;
  }

  /**
   * The one source every passage comes from, if there is one (a corpus of articles alone, or of
   * commentary alone): a query's count is then that source's count. A source whose passages were
   * all deleted but not yet merged away still counts as present, which costs exact counts, never
   * right ones.
   */
  Optional<Source> onlySource() {
    return sourcesBySize.size() == 1 ? Optional.of(sourcesBySize.getFirst()) : Optional.empty();
  }

  /**
   * The sources that have passages in the index, the one with most passages first. Deleted passages
   * count here too (docFreq): exact only in an index without deletions.
   */
  List<Source> sourcesBySize() {
    return sourcesBySize;
  }

  private static List<Source> sourcesBySize(IndexReader reader) {
    try {
      Map<Source, Integer> sizes = new EnumMap<>(Source.class);
      for (Source source : Source.values()) {
        int size = reader.docFreq(new Term(Schema.SOURCE, source.id()));
        if (size > 0) {
          sizes.put(source, size);
        }
      }
      List<Source> present = new ArrayList<>(sizes.keySet());
      present.sort(Comparator.comparing(sizes::get, Comparator.reverseOrder()));
      return List.copyOf(present);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes {@link HighlightingSearcher}s for a {@code SearcherManager}. */
  static final class Factory extends SearcherFactory {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
      return new HighlightingSearcher(reader);
    }
  }
}
