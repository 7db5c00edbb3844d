package dev.passages.search;

import dev.passages.index.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Says which query part matched which words of a hit, by running both through the same analysis the
 * index used: equal in the exact view is an exact match, equal only in the keyword view a stemmed
 * one.
 */
final class Explainer {

  /** At most this many notes per hit. */
  static final int MAX_NOTES = 10;

  private Explainer() {}

  /**
   * Notes for each match of {@code hit}.
   *
   * @param typos corrected word → word typed, when the query was corrected
   */
  static List<MatchNote> explain(Hit hit, ParsedQuery query, Map<String, String> typos) {
    Set<MatchNote> notes = new LinkedHashSet<>();
    for (int[] match : hit.matches()) {
      String matched = hit.text().substring(match[0], match[1]);
      List<String> matchedExact = terms(Schema.TEXT_EXACT, matched);
      List<String> matchedStems = terms(Schema.TEXT, matched);
      for (QueryTerm term : query.terms()) {
        MatchNote note = note(term, matched, matchedExact, matchedStems, typos);
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

  private static MatchNote note(
      QueryTerm term,
      String matched,
      List<String> matchedExact,
      List<String> matchedStems,
      Map<String, String> typos) {
    return switch (term.kind()) {
      case PHRASE ->
          terms(Schema.TEXT_EXACT, term.text()).equals(matchedExact)
              ? new MatchNote('"' + term.text() + '"', matched, "phrase")
              : null;
      case PREFIX -> {
        String prefix = Schema.ANALYZER.normalize(Schema.TEXT_EXACT, term.text()).utf8ToString();
        yield matchedExact.size() == 1 && matchedExact.getFirst().startsWith(prefix)
            ? new MatchNote(term.text() + "*", matched, "prefix")
            : null;
      }
      case WORD -> {
        String typed = typos.getOrDefault(term.text(), term.text());
        String how = typos.containsKey(term.text()) ? "typo" : null;
        if (terms(Schema.TEXT_EXACT, term.text()).equals(matchedExact)) {
          yield new MatchNote(typed, matched, how == null ? "exact" : how);
        }
        List<String> stems = terms(Schema.TEXT, term.text());
        yield !stems.isEmpty() && stems.equals(matchedStems)
            ? new MatchNote(typed, matched, how == null ? "stem" : how)
            : null;
      }
    };
  }

  private static List<String> terms(String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = Schema.ANALYZER.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }
}
