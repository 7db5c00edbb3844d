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
   * Analysed words, shared by all requests: the words hits match recur from one query to the next,
   * and analysing each again was a tenth of a search. Short texts only.
   */
  private static final BoundedCache<String, List<String>> ANALYSED = new BoundedCache<>(50_000);

  /** Matched words and phrases are short; longer texts are rare and would only fill the cache. */
  private static final int MAX_CACHED_CHARS = 64;

  private static final View EXACT = new View("exact", TextAnalysis::exactTerms);
  private static final View KEYWORD = new View("keyword", TextAnalysis::keywordTerms);

  /** One of the two views of text, named for the cache. */
  private record View(String name, Function<String, List<String>> terms) {}

  private final ParsedQuery query;
  private final Map<String, String> typos;

  /**
   * An explainer for the hits of one query.
   *
   * @param typos corrected word → word typed, when the query was corrected
   */
  Explainer(ParsedQuery query, Map<String, String> typos) {
    this.query = query;
    this.typos = typos;
  }

  /** Notes for each match of {@code hit}. */
  List<MatchNote> explain(Hit hit) {
    Set<MatchNote> notes = new LinkedHashSet<>();
    for (int[] match : hit.matches()) {
      String matched = hit.text().substring(match[0], match[1]);
      List<String> matchedExact = terms(EXACT, matched);
      List<String> matchedStems = terms(KEYWORD, matched);
      for (QueryTerm term : query.terms()) {
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

  private MatchNote note(
      QueryTerm term, String matched, List<String> matchedExact, List<String> matchedStems) {
    return switch (term.kind()) {
      case PHRASE ->
          terms(EXACT, term.text()).equals(matchedExact)
              ? new MatchNote('"' + term.text() + '"', matched, "phrase")
              : null;
      case PREFIX -> {
        List<String> prefix = terms(EXACT, term.text());
        yield prefix.size() == 1
                && matchedExact.size() == 1
                && matchedExact.getFirst().startsWith(prefix.getFirst())
            ? new MatchNote(term.text() + "*", matched, "prefix")
            : null;
      }
      case WORD -> {
        String typed = typos.getOrDefault(term.text(), term.text());
        String how = typos.containsKey(term.text()) ? "typo" : null;
        if (terms(EXACT, term.text()).equals(matchedExact)) {
          yield new MatchNote(typed, matched, how == null ? "exact" : how);
        }
        List<String> stems = terms(KEYWORD, term.text());
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
    return ANALYSED.get(
        view.name() + '\u0000' + text, key -> List.copyOf(view.terms().apply(text)));
  }
}
