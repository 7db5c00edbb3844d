package dev.passages.lucene;

import dev.passages.search.BoundedCache;
import dev.passages.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.HighlightFlag;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.OffsetSource;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Marks matches with Lucene's UnifiedHighlighter, reading offsets from the postings. Matches of the
 * exact view ({@link Schema#TEXT_EXACT}) are shown on the stored text of the keyword view, as both
 * views index the same text. A phrase is marked as one span (weight matches).
 *
 * <p>One pass per request: the highlighter cuts each passage into windows of about {@value
 * #EXCERPT_CHARS} characters at sentence boundaries around its matches and hands every window to
 * {@link MarkFormatter}, which shows a short passage whole and a long one as its best windows, and
 * collects every match offset either way. (Two passes, one whole and one cropped, cost a third more
 * per search.) The stored passages the highlighter reads (through those its snapshot keeps) are
 * handed back, so that a hit's other fields come from the same read: stored fields are read by
 * compressed blocks, and reading each hit twice was a quarter of a search on a large corpus.
 */
final class PassageHighlighter {

  static final int WHOLE_UP_TO_CHARS = Hit.WHOLE_UP_TO_CHARS;

  static final int EXCERPT_CHARS = Hit.EXCERPT_CHARS;

  /** Where the first match sits in its window: a third in, so more follows it than precedes. */
  static final float MATCH_ALIGNMENT = 0.33f;

  static final int EXCERPT_WINDOWS = Hit.EXCERPT_WINDOWS;

  /**
   * Every window is kept, so that every match offset reaches the formatter. Not MAX_VALUE: the
   * highlighter sizes its queue with {@code maxPassages + 1}.
   */
  private static final int ALL_WINDOWS = Integer.MAX_VALUE - 1;

  private static final String[] FIELDS = {Schema.TEXT};

  private final UnifiedHighlighter.Builder settings;

  /**
   * The index's field infos merged across segments, which the highlighter looks up to find where
   * offsets are; merged once per index snapshot. A highlighter keeps them itself, but ours lives
   * for one request, and merging them again was a fifth of highlighting on a large index.
   */
  private final FieldInfos fieldInfos;

  /**
   * Whether a query of single words and exact phrases is marked through {@link PageWords}; else
   * through its weight, as any other query (which tests compare it with).
   */
  private final boolean wordsByPage;

  PassageHighlighter(HighlightingSearcher searcher) {
    this(searcher, true);
  }

  PassageHighlighter(HighlightingSearcher searcher, boolean wordsByPage) {
    this.wordsByPage = wordsByPage;
    this.fieldInfos = FieldInfos.getMergedFieldInfos(searcher.getIndexReader());
    this.settings =
        UnifiedHighlighter.builder(searcher, Schema.ANALYZER)
            .withFormatter(new MarkFormatter(WHOLE_UP_TO_CHARS, EXCERPT_WINDOWS))
            .withMaskedFieldsFunc(
                field -> field.equals(Schema.TEXT) ? Set.of(Schema.TEXT_EXACT) : Set.of())
            .withMaxNoHighlightPassages(1)
            .withScorer(new WindowScorer())
            .withBreakIterator(WindowBreakIterator::new);
  }

  /**
   * Each doc's passage marked (whole when short, its best windows when long, every match), and the
   * stored passage of each.
   */
  Marked mark(Query query, int[] docIds) throws IOException {
    // A highlighter per request (a few fields to copy), as it keeps the passages it reads.
    return new Marker(settings, fieldInfos, wordsByPage).mark(query, docIds);
  }

  /**
   * @param highlights by position in the doc ids given, null where nothing could be marked
   * @param passages the stored passage of each doc id
   */
  record Marked(Highlight[] highlights, Map<Integer, IndexedPassage> passages) {}

  /** Exposes the highlighter's per-object results, which carry the offsets. */
  private static final class Marker extends UnifiedHighlighter {
    private final Map<Integer, IndexedPassage> passages = new HashMap<>();
    private final SharedWeightOffsets.RequestWeight weight;

    Marker(Builder builder, FieldInfos merged, boolean wordsByPage) {
      super(builder);
      this.fieldInfos = merged;
      this.weight = new SharedWeightOffsets.RequestWeight(getIndexSearcher(), wordsByPage);
    }

    /** Offsets from the postings with one weight for the request (SharedWeightOffsets). */
    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
      return source == OffsetSource.POSTINGS && weightMatches(components)
          ? new SharedWeightOffsets(components, weight)
          : super.getOffsetStrategy(source, components);
    }

    /**
     * Lucene marks every prefix by analysing the passages again, into an index in memory: for
     * {@code kazakh*} that was two fifths of the search. A prefix that stands for few words is read
     * from the postings instead, as words are.
     */
    @Override
    protected OffsetSource getOptimizedOffsetSource(UHComponents components) {
      OffsetSource chosen = super.getOptimizedOffsetSource(components);
      try {
        return chosen == OffsetSource.ANALYSIS
                && getOffsetSource(components.field()) == OffsetSource.POSTINGS
                && weightMatches(components)
                && !components.hasUnrecognizedQueryPart()
                && SharedWeightOffsets.fewWordsMatching(
                    getIndexSearcher(), components.query(), components.field())
            ? OffsetSource.POSTINGS
            : chosen;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static boolean weightMatches(UHComponents components) {
      return components.highlightFlags().contains(HighlightFlag.WEIGHT_MATCHES);
    }

    Marked mark(Query query, int[] docIds) throws IOException {
      int[] maxPassages = {ALL_WINDOWS};
      Object[] marked = highlightFieldsAsObjects(FIELDS, query, docIds, maxPassages).get(FIELDS[0]);
      // Only once the page is marked: a page that failed leaves its postings to the GC.
      weight.giveBackPostings();
      Highlight[] highlights = new Highlight[marked.length];
      for (int i = 0; i < marked.length; i++) {
        highlights[i] = (Highlight) marked[i];
      }
      return new Marked(highlights, passages);
    }

    /**
     * Reads whole passages, not just the text, and keeps them; all of them in one batch, through
     * the snapshot's kept passages. The text is read whole: a passage is at most 10,000 characters
     * (LongParagraphs).
     */
    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      if (!Arrays.equals(fields, FIELDS)) {
        throw new IllegalStateException("only the text is marked, not " + Arrays.toString(fields));
      }
      HighlightingSearcher.PassageReads reads =
          ((HighlightingSearcher) getIndexSearcher()).passageReads();
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docIter.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docIter.nextDoc()) {
        IndexedPassage passage = reads.read(doc);
        passages.put(doc, passage);
        values.add(new CharSequence[] {passage.passage().text()});
      }
      return values;
    }
  }

  /**
   * A short text (shown whole) as one window; a longer one in windows of about {@value
   * #EXCERPT_CHARS} characters at sentence boundaries. Finding the sentences of every short passage
   * only to show it whole was a fifth of highlighting.
   */
  private static final class WindowBreakIterator extends BreakIterator {
    private final BreakIterator whole = new WholeBreakIterator();
    private final BreakIterator windows =
        LengthGoalBreakIterator.createClosestToLength(
            new SentenceBoundaries(), EXCERPT_CHARS, MATCH_ALIGNMENT);
    private BreakIterator current = whole;

    @Override
    public void setText(String text) {
      current = text.length() <= WHOLE_UP_TO_CHARS ? whole : windows;
      current.setText(text);
    }

    @Override
    public void setText(CharacterIterator text) {
      current = text.getEndIndex() - text.getBeginIndex() <= WHOLE_UP_TO_CHARS ? whole : windows;
      current.setText(text);
    }

    @Override
    public CharacterIterator getText() {
      return current.getText();
    }

    @Override
    public int first() {
      return current.first();
    }

    @Override
    public int last() {
      return current.last();
    }

    @Override
    public int next(int n) {
      return current.next(n);
    }

    @Override
    public int next() {
      return current.next();
    }

    @Override
    public int previous() {
      return current.previous();
    }

    @Override
    public int following(int offset) {
      return current.following(offset);
    }

    @Override
    public int preceding(int offset) {
      return current.preceding(offset);
    }

    @Override
    public int current() {
      return current.current();
    }
  }

  /**
   * The sentence boundaries the JDK's iterator finds reading the text forward, each found once, as
   * far into the text as asked, and then looked up. The highlighter asks for the boundaries before
   * and after every match, and the window iterator asks again until it reaches its length; the JDK
   * iterator answers each of those by scanning the text again, which was a fifth of a search over
   * the seed article. (Scanning backwards from an offset, the JDK iterator sometimes stops where
   * reading forward it does not, inside "left. … She" for one; these answers are always the forward
   * ones.)
   */
  static final class SentenceBoundaries extends BreakIterator {

    /**
     * Every boundary of the texts of up to {@value #KEPT_UP_TO_CHARS} characters seen lately, by
     * text. Pages show the same passages again and again, and finding their sentences each time
     * cost a tenth of a search: the query mix on one thread, 49 µs a search without these against
     * 44 with them. A text the searcher keeps is the same String each time, so finding it here
     * compares no characters.
     */
    private static final BoundedCache<String, int[]> FOUND =
        new BoundedCache<>(HighlightingSearcher.PASSAGES_KEPT);

    static final int KEPT_UP_TO_CHARS = HighlightingSearcher.KEPT_UP_TO_CHARS;

    private BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    private int[] boundaries = new int[16];
    private int count;
    private boolean complete;
    private int current;

    /** Whether {@link #boundaries} is a kept array, which must not be written. */
    private boolean kept;

    SentenceBoundaries() {
      start(); // an empty text, as the JDK iterator starts with
    }

    @Override
    public Object clone() {
      SentenceBoundaries copy = (SentenceBoundaries) super.clone();
      copy.sentences = (BreakIterator) sentences.clone();
      copy.boundaries = kept ? boundaries : boundaries.clone();
      return copy;
    }

    @Override
    public void setText(String text) {
      sentences.setText(text);
      start();
      if (text.length() <= KEPT_UP_TO_CHARS) {
        boundaries = FOUND.get(text, unused -> allBoundaries());
        count = boundaries.length;
        complete = true;
        kept = true;
      }
    }

    @Override
    public void setText(CharacterIterator text) {
      sentences.setText(text);
      start();
    }

    private void start() {
      if (kept) {
        boundaries = new int[16];
        kept = false;
      }
      boundaries[0] = sentences.first();
      count = 1;
      complete = false;
      current = 0;
    }

    /** Every boundary of the text just set, as a new array of their number. */
    private int[] allBoundaries() {
      findPast(Integer.MAX_VALUE);
      return Arrays.copyOf(boundaries, count);
    }

    /** Finds boundaries until one lies past {@code offset} or the text ends. */
    private void findPast(int offset) {
      while (!complete && boundaries[count - 1] <= offset) {
        int next = sentences.next();
        if (next == DONE) {
          complete = true;
        } else {
          if (count == boundaries.length) {
            boundaries = Arrays.copyOf(boundaries, count * 2);
          }
          boundaries[count++] = next;
        }
      }
    }

    @Override
    public CharacterIterator getText() {
      return sentences.getText();
    }

    @Override
    public int first() {
      current = 0;
      return boundaries[0];
    }

    @Override
    public int last() {
      findPast(Integer.MAX_VALUE);
      current = count - 1;
      return boundaries[current];
    }

    @Override
    public int next(int n) {
      int target = current + n;
      while (!complete && target >= count) {
        findPast(boundaries[count - 1]); // one more
      }
      if (target < 0 || target >= count) {
        current = target < 0 ? 0 : count - 1;
        return DONE;
      }
      current = target;
      return boundaries[current];
    }

    @Override
    public int next() {
      return next(1);
    }

    @Override
    public int previous() {
      return next(-1);
    }

    @Override
    public int following(int offset) {
      checkOffset(offset);
      findPast(offset);
      int i = Arrays.binarySearch(boundaries, 0, count, offset);
      i = i >= 0 ? i + 1 : -i - 1; // the first boundary after offset
      if (i >= count) {
        current = count - 1;
        return DONE;
      }
      current = i;
      return boundaries[i];
    }

    @Override
    public int preceding(int offset) {
      checkOffset(offset);
      findPast(offset - 1);
      int i = Arrays.binarySearch(boundaries, 0, count, offset);
      i = (i >= 0 ? i : -i - 1) - 1; // the last boundary before offset
      if (i < 0) {
        current = 0;
        return DONE;
      }
      current = i;
      return boundaries[i];
    }

    @Override
    public int current() {
      return boundaries[current];
    }

    private void checkOffset(int offset) {
      CharacterIterator text = sentences.getText();
      if (offset < text.getBeginIndex() || offset > text.getEndIndex()) {
        throw new IllegalArgumentException("offset out of bounds: " + offset);
      }
    }
  }
}
