package dev.passages.lucene;

import java.io.IOException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What the words' document frequencies tell of a query's matches before it is searched, where a
 * search would only be asked whether it could match at all, or match enough. Each answer comes from
 * the searcher's kept term states: no search, no weight.
 */
final class MatchBound {

  /** Said of a query whose matches the statistics cannot bound. */
  static final long UNKNOWN = Long.MAX_VALUE;

  private MatchBound() {}

  /**
   * At most how many passages {@code query} matches: a word's document frequency, the rarest word
   * of a phrase or of what a boolean query requires, the sum over its optional clauses; {@link
   * #UNKNOWN} for any other query (a prefix, say). Never less than the matches: deleted passages
   * count in a word's frequency until merged away.
   */
  static long atMost(HighlightingSearcher searcher, Query query) throws IOException {
    return switch (query) {
      case TermQuery word -> searcher.docFreq(word.getTerm());
      case BoostQuery boosted -> atMost(searcher, boosted.getQuery());
      case ConstantScoreQuery constant -> atMost(searcher, constant.getQuery());
      case PhraseQuery phrase -> rarest(searcher, phrase);
      case BooleanQuery bool -> atMost(searcher, bool);
      default -> UNKNOWN;
    };
  }

  private static long rarest(HighlightingSearcher searcher, PhraseQuery phrase) throws IOException {
    long rarest = UNKNOWN;
    for (Term term : phrase.getTerms()) {
      rarest = Math.min(rarest, searcher.docFreq(term));
    }
    return phrase.getTerms().length == 0 ? 0 : rarest;
  }

  private static long atMost(HighlightingSearcher searcher, BooleanQuery bool) throws IOException {
    long required = UNKNOWN;
    boolean anyRequired = false;
    long optional = 0;
    boolean anyOptional = false;
    for (BooleanClause clause : bool.clauses()) {
      switch (clause.occur()) {
        case MUST, FILTER -> {
          anyRequired = true;
          required = Math.min(required, atMost(searcher, clause.query()));
        }
        case SHOULD -> {
          anyOptional = true;
          optional = saturatedSum(optional, atMost(searcher, clause.query()));
        }
        case MUST_NOT -> {} // only ever removes matches
      }
    }
    if (anyRequired) {
      return required; // the optional clauses then only score
    }
    // Only optional clauses: a match holds at least one of them. None at all: nothing matches.
    return anyOptional ? optional : 0;
  }

  private static long saturatedSum(long a, long b) {
    return a == UNKNOWN || b == UNKNOWN ? UNKNOWN : a + b;
  }

  /**
   * Whether {@code query} surely matches some passage, told without searching: a word some passage
   * holds, or an OR of clauses one of which does, in an index without deletions (a deleted
   * passage's words count until merged away). False means "not known", not "no match".
   */
  static boolean surelyMatches(HighlightingSearcher searcher, Query query) throws IOException {
    return !searcher.getIndexReader().hasDeletions() && holdsWords(searcher, query);
  }

  private static boolean holdsWords(HighlightingSearcher searcher, Query query) throws IOException {
    return switch (query) {
      case TermQuery word -> searcher.docFreq(word.getTerm()) > 0;
      case BoostQuery boosted -> holdsWords(searcher, boosted.getQuery());
      case ConstantScoreQuery constant -> holdsWords(searcher, constant.getQuery());
      case BooleanQuery bool when onlyOptional(bool) -> anyClauseHoldsWords(searcher, bool);
      default -> false;
    };
  }

  private static boolean onlyOptional(BooleanQuery bool) {
    return bool.getMinimumNumberShouldMatch() <= 1
        && bool.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD);
  }

  private static boolean anyClauseHoldsWords(HighlightingSearcher searcher, BooleanQuery bool)
      throws IOException {
    for (BooleanClause clause : bool.clauses()) {
      if (holdsWords(searcher, clause.query())) {
        return true;
      }
    }
    return false;
  }
}
