package dev.passages.search;

import dev.passages.analysis.TextAnalysis;
import dev.passages.analysis.Typography;
import dev.passages.index.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Completes the last word of a query from the index's terms, and the last two words from its word
 * pairs ({@code color r} → {@code color revolution}), most frequent first. Reads the term
 * dictionary only: no search, no stored fields, so it keeps up with every keystroke.
 */
final class Completer {

  /** At most this many terms are read per prefix, so a one-letter prefix stays cheap. */
  private static final int MAX_SCANNED = 5_000;

  private Completer() {}

  static List<Completion> complete(IndexReader reader, String typed, int limit) throws IOException {
    String text = Typography.fold(typed).stripLeading();
    if (text.isBlank()) {
      return List.of();
    }
    boolean endsWithSpace = Character.isWhitespace(text.charAt(text.length() - 1));
    String[] words = text.strip().split("\\s+");
    String last = endsWithSpace ? "" : words[words.length - 1];
    // Quotes and minus signs before the word are syntax, kept as typed: "colo → "color.
    int syntax = 0;
    while (syntax < last.length() && "\"-(".indexOf(last.charAt(syntax)) >= 0) {
      syntax++;
    }
    String head = text.substring(0, text.length() - last.length() + syntax);
    last = last.substring(syntax);
    String previous =
        endsWithSpace ? words[words.length - 1] : words.length > 1 ? words[words.length - 2] : null;

    Map<String, Integer> found = new LinkedHashMap<>();
    if (previous != null && syntax == 0 && isPlainWord(previous) && isPlainWord(last)) {
      String pairPrefix = normalize(previous) + " " + normalize(last);
      for (Map.Entry<String, Integer> pair : scan(reader, Schema.TEXT_PAIRS, pairPrefix)) {
        String second = pair.getKey().substring(pair.getKey().indexOf(' ') + 1);
        found.putIfAbsent(head + second, pair.getValue());
      }
    }
    if (!last.isEmpty() && isPlainWord(last)) {
      for (Map.Entry<String, Integer> word : scan(reader, Schema.TEXT_EXACT, normalize(last))) {
        if (!TextAnalysis.isFillerWord(word.getKey())) {
          found.putIfAbsent(head + word.getKey(), word.getValue());
        }
      }
    }
    List<Completion> completions = new ArrayList<>();
    for (Map.Entry<String, Integer> entry : found.entrySet()) {
      if (!entry.getKey().equalsIgnoreCase(text) && completions.size() < limit) {
        completions.add(new Completion(entry.getKey(), entry.getValue()));
      }
    }
    return completions;
  }

  /** Terms of {@code field} starting with {@code prefix}, most passages first. */
  private static List<Map.Entry<String, Integer>> scan(
      IndexReader reader, String field, String prefix) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null || prefix.isEmpty()) {
      return List.of();
    }
    BytesRef start = new BytesRef(prefix);
    TermsEnum iterator = terms.iterator();
    List<Map.Entry<String, Integer>> matches = new ArrayList<>();
    if (iterator.seekCeil(start) == TermsEnum.SeekStatus.END) {
      return matches;
    }
    int scanned = 0;
    for (BytesRef term = iterator.term();
        term != null && StringHelper.startsWith(term, start) && scanned++ < MAX_SCANNED;
        term = iterator.next()) {
      matches.add(Map.entry(term.utf8ToString(), iterator.docFreq()));
    }
    matches.sort(
        Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
            .reversed()
            .thenComparing(Map.Entry::getKey));
    return matches;
  }

  private static String normalize(String word) {
    return Schema.ANALYZER.normalize(Schema.TEXT_EXACT, word).utf8ToString();
  }

  /** A word that is no operator or syntax: completing {@code "a} or {@code -b} would mislead. */
  private static boolean isPlainWord(String word) {
    return word.isEmpty()
        || word.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '\'' || c == '-');
  }
}
