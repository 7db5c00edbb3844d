package dev.passages.search;

import dev.passages.analysis.TextAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Says which query part matched which words of a hit, by running both through the same analysis the
 * index used: equal in the exact view is an exact match, equal only in the keyword view a stemmed
 * one.
 */
final class Explainer {

  /** At most this many notes per hit. */
  static final int MAX_NOTES = 10;

  /**
   * How many analysed texts each view keeps, for all requests: the words hits match recur from one
   * query to the next, and analysing each again was a tenth of a search. Short texts only.
   */
  private static final int KEPT_PER_VIEW = 25_000;

  /** Matched words and phrases are short; longer texts are rare and would only fill the cache. */
  private static final int MAX_CACHED_CHARS = 64;

  private static final View EXACT =
      new View(TextAnalysis::exactTerms, new BoundedCache<>(KEPT_PER_VIEW));
  private static final View KEYWORD =
      new View(TextAnalysis::keywordTerms, new BoundedCache<>(KEPT_PER_VIEW));

  /** One of the two views of text, with the words it made of recent texts. */
  private record View(
      Function<String, List<String>> terms, BoundedCache<String, List<String>> analysed) {}

  private final List<QueryTerm> terms;

  /**
   * Each query term's words in the exact and the keyword view, by its place in {@link #terms}:
   * analysed once per query, not again for every match of every hit (which, with the cache's keys
   * built for each look-up, was a twentieth of a search of two words).
   */
  private final List<List<String>> termsExact;

  private final List<List<String>> termsKeyword;

  private final Map<String, String> typos;

  /**
   * An explainer for the hits of one query.
   *
   * @param typos corrected word → word typed, when the query was corrected
   */
  Explainer(ParsedQuery query, Map<String, String> typos) {
    this.terms = query.terms();
    this.termsExact = terms.stream().map(term -> terms(EXACT, term.text())).toList();
    this.termsKeyword = terms.stream().map(term -> terms(KEYWORD, term.text())).toList();
    this.typos = typos;
  }

  /** Notes for each match of {@code hit}. */
  List<MatchNote> explain(Hit hit) {
    Set<MatchNote> notes = new LinkedHashSet<>();
    for (int[] match : hit.matches()) {
      String matched = hit.text().substring(match[0], match[1]);
      List<String> matchedExact = terms(EXACT, matched);
      List<String> matchedStems = terms(KEYWORD, matched);
      for (int term = 0; term < terms.size(); term++) {
        MatchNote note = note(term, matched, matchedExact, matchedStems);
        if (note != null) {
          notes.add(note);
          break;
        }
      }
      if (notes.size() >= MAX_NOTES) {
        break;
      }
    }
    return new ArrayList<>(notes);
  }

  /** The note of query term number {@code index} for {@code matched}, if it is the one matching. */
  private MatchNote note(
      int index, String matched, List<String> matchedExact, List<String> matchedStems) {
    QueryTerm term = terms.get(index);
    List<String> exact = termsExact.get(index);
    return switch (term.kind()) {
      case PHRASE ->
          exact.equals(matchedExact)
              ? new MatchNote('"' + term.text() + '"', matched, "phrase")
              : null;
      case PREFIX ->
          exact.size() == 1
                  && matchedExact.size() == 1
                  && matchedExact.getFirst().startsWith(exact.getFirst())
              ? new MatchNote(term.text() + "*", matched, "prefix")
              : null;
      case WORD -> {
        String typed = typos.getOrDefault(term.text(), term.text());
        String how = typos.containsKey(term.text()) ? "typo" : null;
        if (exact.equals(matchedExact)) {
          yield new MatchNote(typed, matched, how == null ? "exact" : how);
        }
        List<String> stems = termsKeyword.get(index);
        yield !stems.isEmpty() && stems.equals(matchedStems)
            ? new MatchNote(typed, matched, how == null ? "stem" : how)
            : null;
      }
    };
  }

  /** The terms of {@code text} in {@code view}. */
  private static List<String> terms(View view, String text) {
    if (text.length() > MAX_CACHED_CHARS) {
      return view.terms().apply(text);
    }
    return view.analysed().get(text, key -> List.copyOf(view.terms().apply(key)));
  }
}
