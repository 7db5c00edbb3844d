package dev.passages.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SlowImpactsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ExactPhraseMatcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

/**
 * Where a query of single words (each optional, required or excluded) and exact phrases (each
 * optional) matches in the passages of one page: each word's postings are opened once per segment
 * and moved forward from passage to passage. Lucene's weight matches open every word's postings
 * again for every passage, a quarter of marking a page (JFR, the query mix under load). Marking the
 * bench's keyword queries costs 12 % less on the seed corpus and 7 % less at a million passages
 * (both ways in turn in one JVM). The marks are the same as the weight's, and so are the windows
 * shown: a match counts once, as a weight match does, not as often as its word is in the passage.
 *
 * <p>An optional or required prefix (or other pattern) counts as the words it stands for in each
 * segment; the highlighter reads a pattern from the postings only when it stands for few words
 * (SharedWeightOffsets). The weight's matches looked each of those words up again for every
 * passage, two fifths of a search for {@code kazakh*}.
 *
 * <p>An optional exact phrase is found with Lucene's own {@link ExactPhraseMatcher} over its words'
 * cursors, and its matches are named and spanned as the weight's: one match from its first word to
 * its last, named by its words joined by spaces. Through the weight, the question {@code what did
 * China say about the Russian-led forces} spent a fifth of its search on matches (JFR); the bench's
 * query mix, five of whose twenty queries hold a phrase, costs 7 % less this way (both ways in turn
 * in one JVM).
 */
final class PageWords {

  /** The words, patterns and phrases marked, in the field this strategy marks. */
  private final List<Term> marked;

  private final List<MultiTermQuery> markedPatterns;

  private final List<PhraseQuery> markedPhrases;

  /**
   * Words and patterns a passage must hold (a pattern: one of its words) to be marked at all, and
   * words it must not hold, in any field.
   */
  private final List<Term> required;

  private final List<MultiTermQuery> requiredPatterns;

  private final List<Term> excluded;

  /** The words' cursors in each segment of the page, by the segment's ordinal. */
  private final Map<Integer, SegmentCursors> bySegment = new HashMap<>();

  /**
   * The snapshot whose kept term states tell where each word's postings begin, and whose pool the
   * cursors' postings come from and go back to; null: each word is looked up in the terms
   * dictionary, its postings made afresh and left to the GC.
   */
  private HighlightingSearcher snapshot;

  private PageWords(
      List<Term> marked,
      List<MultiTermQuery> markedPatterns,
      List<PhraseQuery> markedPhrases,
      List<Term> required,
      List<MultiTermQuery> requiredPatterns,
      List<Term> excluded) {
    this.marked = marked;
    this.markedPatterns = markedPatterns;
    this.markedPhrases = markedPhrases;
    this.required = required;
    this.requiredPatterns = requiredPatterns;
    this.excluded = excluded;
  }

  /**
   * The words of {@code query} marked in the fields {@code markedField} accepts, when the query is
   * made of single words only, each optional, required or excluded (the parser's {@code +(-word
   * *:*)} too), of optional or required patterns, and of optional exact phrases; else null, and its
   * passages are marked through its weight. A word or phrase repeated is one.
   */
  static PageWords of(Query query, Predicate<String> markedField) {
    Set<Term> wanted = new LinkedHashSet<>();
    Set<MultiTermQuery> wantedPatterns = new LinkedHashSet<>();
    Set<PhraseQuery> wantedPhrases = new LinkedHashSet<>();
    Set<Term> required = new LinkedHashSet<>();
    Set<MultiTermQuery> requiredPatterns = new LinkedHashSet<>();
    Set<Term> excluded = new LinkedHashSet<>();
    if (query instanceof TermQuery word) {
      wanted.add(word.getTerm());
    } else if (query instanceof MultiTermQuery pattern) {
      wantedPatterns.add(pattern);
    } else if (exactPhrase(query) instanceof PhraseQuery phrase) {
      wantedPhrases.add(phrase);
    } else if (query instanceof BooleanQuery words && words.getMinimumNumberShouldMatch() == 0) {
      for (BooleanClause clause : words.clauses()) {
        Term word = clause.query() instanceof TermQuery term ? term.getTerm() : null;
        MultiTermQuery pattern =
            clause.query() instanceof MultiTermQuery multiTerm ? multiTerm : null;
        PhraseQuery phrase = exactPhrase(clause.query());
        Term notWord =
            word == null && pattern == null && phrase == null ? exclusion(clause.query()) : null;
        if (phrase != null && clause.occur() == Occur.SHOULD) {
          wantedPhrases.add(phrase);
        } else if (word != null && clause.occur() == Occur.SHOULD) {
          wanted.add(word);
        } else if (word != null && clause.occur() == Occur.MUST) {
          wanted.add(word);
          required.add(word);
        } else if (word != null && clause.occur() == Occur.MUST_NOT) {
          excluded.add(word);
        } else if (pattern != null && clause.occur() == Occur.SHOULD) {
          wantedPatterns.add(pattern);
        } else if (pattern != null && clause.occur() == Occur.MUST) {
          wantedPatterns.add(pattern);
          requiredPatterns.add(pattern);
        } else if (notWord != null && clause.occur() == Occur.MUST) {
          excluded.add(notWord);
        } else {
          return null;
        }
      }
    } else {
      return null;
    }
    if (wanted.isEmpty() && wantedPatterns.isEmpty() && wantedPhrases.isEmpty()) {
      return null;
    }
    return new PageWords(
        wanted.stream().filter(term -> markedField.test(term.field())).toList(),
        wantedPatterns.stream().filter(pattern -> markedField.test(pattern.getField())).toList(),
        wantedPhrases.stream().filter(phrase -> markedField.test(phrase.getField())).toList(),
        List.copyOf(required),
        List.copyOf(requiredPatterns),
        List.copyOf(excluded));
  }

  /**
   * {@code part} when it is a phrase of two or more words with no slop; else null. (A phrase of one
   * word is that word once rewritten, and a sloppy phrase is matched by another matcher.)
   */
  private static PhraseQuery exactPhrase(Query part) {
    return part instanceof PhraseQuery phrase
            && phrase.getSlop() == 0
            && phrase.getTerms().length >= 2
        ? phrase
        : null;
  }

  /** The word {@code part} excludes when it is the parser's {@code (-word *:*)}; else null. */
  private static Term exclusion(Query part) {
    if (!(part instanceof BooleanQuery bool)
        || bool.clauses().size() != 2
        || bool.getMinimumNumberShouldMatch() != 0) {
      return null;
    }
    Term excluded = null;
    boolean all = false;
    for (BooleanClause clause : bool.clauses()) {
      if (clause.occur() == Occur.MUST_NOT && clause.query() instanceof TermQuery word) {
        excluded = word.getTerm();
      } else if (clause.occur() != Occur.MUST_NOT && clause.query() instanceof MatchAllDocsQuery) {
        all = true;
      }
    }
    return all ? excluded : null;
  }

  /**
   * Where the words are in {@code doc} of {@code segment}: none when it holds an excluded word, as
   * a weight tells. Passages are asked for in the order of their ids, as the highlighter sorts
   * them.
   */
  OffsetsEnum offsets(LeafReaderContext segment, int doc) throws IOException {
    SegmentCursors here = bySegment.get(segment.ord);
    if (here == null) {
      here = cursors(segment);
      bySegment.put(segment.ord, here);
    }
    for (Cursor word : here.excluded()) {
      if (word.at(doc) != null) {
        return OffsetsEnum.EMPTY;
      }
    }
    for (Cursor[] anyOf : here.required()) {
      if (!holdsAny(anyOf, doc)) {
        return OffsetsEnum.EMPTY; // an empty group: a required word is not in this segment
      }
    }
    List<OffsetsEnum> found = new ArrayList<>(marked.size() + markedPhrases.size());
    for (Cursor word : here.marked()) {
      PostingsEnum postings = word.at(doc);
      if (postings != null) {
        found.add(new WordMatches(word.text, postings));
      }
    }
    for (PhraseCursor phrase : here.markedPhrases()) {
      OffsetsEnum spans = phrase.matches(doc);
      if (spans != null) {
        found.add(spans);
      }
    }
    return switch (found.size()) {
      case 0 -> OffsetsEnum.EMPTY;
      case 1 -> found.getFirst();
      default -> new OffsetsEnum.MultiOffsetsEnum(found);
    };
  }

  private static boolean holdsAny(Cursor[] words, int doc) throws IOException {
    for (Cursor word : words) {
      if (word.at(doc) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Opens the words' postings where {@code snapshot} keeps their states, with enums that earlier
   * pages gave back to its pool, and lets {@link #giveBackPostings} give this page's back; returns
   * this. The ranking has looked most of the words up already: seeking each in the terms dictionary
   * again, for every page, was a twelfth of marking (JFR, the query mix); from the kept states, the
   * mix costs 3-4 % less (both ways in turn in one JVM).
   */
  PageWords drawingOn(HighlightingSearcher snapshot) {
    this.snapshot = snapshot;
    return this;
  }

  /**
   * Gives the postings of this page's cursors back to the pool, for other pages: once the page is
   * marked, as nothing here reads them after. A page that is asked for more opens new cursors.
   */
  void giveBackPostings() {
    if (snapshot == null) {
      return;
    }
    bySegment.forEach(
        (ord, here) -> {
          giveBack(ord, here.marked());
          for (PhraseCursor phrase : here.markedPhrases()) {
            giveBack(ord, phrase.cursors);
          }
          for (Cursor[] anyOf : here.required()) {
            giveBack(ord, anyOf);
          }
          giveBack(ord, here.excluded());
        });
    bySegment.clear();
  }

  private void giveBack(int ord, Cursor[] cursors) {
    for (Cursor cursor : cursors) {
      snapshot.postings.giveBack(ord, cursor.postings);
    }
  }

  /** Postings given back in {@code segment} by an earlier page, or null. */
  private PostingsEnum reusable(LeafReaderContext segment) {
    return snapshot == null ? null : snapshot.postings.take(segment.ord);
  }

  /** The cursors of the words and patterns in {@code segment}. */
  private SegmentCursors cursors(LeafReaderContext segment) throws IOException {
    List<Cursor> markedHere = new ArrayList<>(cursors(marked, segment));
    for (MultiTermQuery pattern : markedPatterns) {
      markedHere.addAll(cursors(pattern, segment));
    }
    List<Cursor[]> requiredHere = new ArrayList<>();
    for (Term word : required) {
      requiredHere.add(cursors(List.of(word), segment).toArray(Cursor[]::new));
    }
    for (MultiTermQuery pattern : requiredPatterns) {
      requiredHere.add(cursors(pattern, segment).toArray(Cursor[]::new));
    }
    List<PhraseCursor> phrasesHere = new ArrayList<>(markedPhrases.size());
    for (PhraseQuery phrase : markedPhrases) {
      PhraseCursor cursor = PhraseCursor.of(phrase, segment, this);
      if (cursor != null) {
        phrasesHere.add(cursor);
      }
    }
    return new SegmentCursors(
        markedHere.toArray(Cursor[]::new),
        phrasesHere.toArray(PhraseCursor[]::new),
        requiredHere.toArray(Cursor[][]::new),
        cursors(excluded, segment).toArray(Cursor[]::new));
  }

  /** The cursors of those of {@code words} that {@code segment} holds. */
  private List<Cursor> cursors(List<Term> words, LeafReaderContext segment) throws IOException {
    List<Cursor> found = new ArrayList<>(words.size());
    for (Term word : words) {
      Terms terms = segment.reader().terms(word.field());
      if (terms == null) {
        continue;
      }
      TermsEnum termsEnum = terms.iterator();
      if (snapshot != null) {
        TermState state = snapshot.termState(word, segment);
        if (state == null) {
          continue;
        }
        termsEnum.seekExact(word.bytes(), state);
      } else if (!termsEnum.seekExact(word.bytes())) {
        continue;
      }
      found.add(new Cursor(word.bytes(), termsEnum, reusable(segment)));
    }
    return found;
  }

  /**
   * The cursors of the words {@code pattern} stands for in {@code segment}, each named as the
   * weight's matches name it (the pattern, not the word), so that windows score alike.
   */
  private List<Cursor> cursors(MultiTermQuery pattern, LeafReaderContext segment)
      throws IOException {
    Terms terms = segment.reader().terms(pattern.getField());
    if (terms == null) {
      return List.of();
    }
    BytesRef name = new BytesRef(pattern.toString());
    List<Cursor> found = new ArrayList<>();
    TermsEnum words = pattern.getTermsEnum(terms);
    for (BytesRef word = words.next(); word != null; word = words.next()) {
      TermsEnum own = terms.iterator();
      own.seekExact(word, words.termState());
      found.add(new Cursor(name, own, reusable(segment)));
    }
    return found;
  }

  /**
   * The cursors of the marked words and phrases, of the required words (a group per word or
   * pattern, of which a passage must hold one), and of the excluded ones, in one segment.
   */
  private record SegmentCursors(
      Cursor[] marked, PhraseCursor[] markedPhrases, Cursor[][] required, Cursor[] excluded) {}

  /**
   * A word's postings in one segment, with their offsets, moved forward from passage to passage.
   */
  private static final class Cursor {
    final BytesRef text;
    private final TermsEnum termsEnum;
    private PostingsEnum postings;

    /** {@code reuse}: postings a page gave back, or null. */
    Cursor(BytesRef text, TermsEnum termsEnum, PostingsEnum reuse) throws IOException {
      this.text = text;
      this.termsEnum = termsEnum;
      this.postings = termsEnum.postings(reuse, PostingsEnum.OFFSETS);
    }

    /** The postings standing on {@code doc}, or null when the word is not in it. */
    PostingsEnum at(int doc) throws IOException {
      if (postings.docID() > doc) { // asked out of order: start again
        postings = termsEnum.postings(postings, PostingsEnum.OFFSETS);
      }
      if (postings.docID() < doc) {
        postings.advance(doc);
      }
      return postings.docID() == doc ? postings : null;
    }
  }

  /**
   * An exact phrase's words in one segment, a cursor per word: where they stand in a passage in the
   * phrase's order, {@link ExactPhraseMatcher} finds the matches as the phrase's weight does.
   */
  private static final class PhraseCursor {
    /** Lucene's matcher scores nothing here; the weight's matches use such a scorer too. */
    private static final SimScorer UNSCORED =
        new SimScorer() {
          @Override
          public float score(float freq, long norm) {
            return 1f;
          }
        };

    private final BytesRef name;
    private final Term[] words;
    private final int[] positions;
    private final Cursor[] cursors;

    private PhraseCursor(BytesRef name, Term[] words, int[] positions, Cursor[] cursors) {
      this.name = name;
      this.words = words;
      this.positions = positions;
      this.cursors = cursors;
    }

    /** The cursors of {@code phrase}'s words in {@code segment}; null if one is not in it. */
    static PhraseCursor of(PhraseQuery phrase, LeafReaderContext segment, PageWords page)
        throws IOException {
      Term[] words = phrase.getTerms();
      List<Cursor> cursors = page.cursors(List.of(words), segment);
      if (cursors.size() < words.length) {
        return null;
      }
      return new PhraseCursor(
          name(words), words, phrase.getPositions(), cursors.toArray(Cursor[]::new));
    }

    /** As the highlighter names a match of a phrase: its words joined by spaces. */
    private static BytesRef name(Term[] words) {
      BytesRefBuilder name = new BytesRefBuilder();
      for (Term word : words) {
        if (name.length() > 0) {
          name.append((byte) ' ');
        }
        name.append(word.bytes());
      }
      return name.toBytesRef();
    }

    /** The phrase's matches in {@code doc}, each from its first word to its last; null if none. */
    OffsetsEnum matches(int doc) throws IOException {
      PhraseQuery.PostingsAndFreq[] postings = new PhraseQuery.PostingsAndFreq[cursors.length];
      for (int i = 0; i < cursors.length; i++) {
        PostingsEnum here = cursors[i].at(doc);
        if (here == null) {
          return null;
        }
        postings[i] =
            new PhraseQuery.PostingsAndFreq(
                here, new SlowImpactsEnum(here), positions[i], words[i]);
      }
      // In the order the phrase's weight puts them: the first word leads, the last ends a match.
      ArrayUtil.timSort(postings);
      ExactPhraseMatcher matcher =
          new ExactPhraseMatcher(postings, ScoreMode.COMPLETE_NO_SCORES, UNSCORED, 0f);
      matcher.resetPositions();
      int[] spans = new int[8];
      int found = 0;
      while (matcher.nextMatch()) {
        spans = ArrayUtil.grow(spans, found + 2);
        spans[found++] = matcher.startOffset();
        spans[found++] = matcher.endOffset();
      }
      return found == 0 ? null : new SpanMatches(name, spans, found / 2);
    }
  }

  /** A phrase's matches in one passage, each a span named by the phrase, counted once (freq 1). */
  private static final class SpanMatches extends OffsetsEnum {
    private final BytesRef name;
    private final int[] spans;
    private final int count;
    private int at = -1;

    SpanMatches(BytesRef name, int[] spans, int count) {
      this.name = name;
      this.spans = spans;
      this.count = count;
    }

    @Override
    public boolean nextPosition() {
      return ++at < count;
    }

    @Override
    public int freq() {
      return 1;
    }

    @Override
    public BytesRef getTerm() {
      return name;
    }

    @Override
    public int startOffset() {
      return spans[2 * at];
    }

    @Override
    public int endOffset() {
      return spans[2 * at + 1];
    }
  }

  /** A word's matches in one passage. Counted once each (freq 1), as weight matches are. */
  private static final class WordMatches extends OffsetsEnum {
    private final BytesRef text;
    private final PostingsEnum postings;
    private int left;

    WordMatches(BytesRef text, PostingsEnum postings) throws IOException {
      this.text = text;
      this.postings = postings;
      this.left = postings.freq();
    }

    @Override
    public boolean nextPosition() throws IOException {
      if (left == 0) {
        return false;
      }
      left--;
      postings.nextPosition();
      return true;
    }

    @Override
    public int freq() {
      return 1;
    }

    @Override
    public BytesRef getTerm() {
      return text;
    }

    @Override
    public int startOffset() throws IOException {
      return postings.startOffset();
    }

    @Override
    public int endOffset() throws IOException {
      return postings.endOffset();
    }
  }

  @Override
  public String toString() {
    return "PageWords"
        + marked
        + markedPatterns
        + markedPhrases
        + " of "
        + required
        + requiredPatterns
        + " less "
        + excluded;
  }
}
