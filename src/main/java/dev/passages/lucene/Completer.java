package dev.passages.lucene;

import dev.passages.analysis.TextAnalysis;
import dev.passages.analysis.Typography;
import dev.passages.search.Completion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Completes the last word of a query from the index's terms ({@code kaz} → {@code kazakhstan}), and
 * the last two words from the passages that hold them ({@code color r} → {@code color revolution}),
 * most frequent first.
 *
 * <p>Words come from the term dictionary alone. Pairs are phrase searches of the previous word with
 * each likely next word, or, before a letter of the next word is typed, a read of the first
 * passages holding the previous one. An index of every pair of consecutive words answered both from
 * its dictionary, but made indexing a million paragraphs take 45 s instead of 24: nearly every pair
 * is a term of its own.
 */
public final class Completer {

  /** At most this many terms are read per prefix, so a one-letter prefix stays cheap. */
  private static final int MAX_SCANNED = 5_000;

  /**
   * Passages read to find the words that follow the previous one when no letter of the next is
   * typed yet. Enough to rank the likely ones; on a large corpus each takes microseconds.
   */
  static final int PAIR_SAMPLE = 64;

  /** Words tried after the previous one when some letters of the next are typed. */
  static final int PAIR_CANDIDATES = 32;

  /** Pairs are counted up to this many passages; beyond it, the more frequent word ranks first. */
  static final int PAIR_COUNT_CAP = 64;

  /**
   * A pair is not tried when both words are in more passages than this ("the with" in a million
   * paragraphs): the phrase search would walk too many. Such pairs still come back as words.
   */
  static final int PAIR_MAX_WALK = 20_000;

  /** Passages walked for pairs per keystroke, at most: a few milliseconds' work. */
  static final int PAIR_WALK_BUDGET = 100_000;

  private Completer() {}

  /** Completions of the last word, and the last two, of {@code typed}: at most {@code limit}. */
  public static List<Completion> complete(Vocabulary vocabulary, String typed, int limit)
      throws IOException {
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

    String lastForm = normalize(last);
    // The words the last one may become, most frequent first: the candidates for a pair too.
    List<Map.Entry<String, Integer>> lastWords =
        !last.isEmpty() && isPlainWord(last) ? scan(vocabulary, lastForm) : List.of();
    Map<String, Integer> found = new LinkedHashMap<>();
    if (previous != null && syntax == 0 && isPlainWord(previous) && isPlainWord(last)) {
      for (Map.Entry<String, Integer> next :
          followers(vocabulary, normalize(previous), lastForm, lastWords)) {
        found.putIfAbsent(head + next.getKey(), next.getValue());
      }
    }
    if (!lastWords.isEmpty()) {
      for (Map.Entry<String, Integer> word : lastWords) {
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

  /** Words starting with {@code prefix}, most passages first. */
  private static List<Map.Entry<String, Integer>> scan(Vocabulary vocabulary, String prefix)
      throws IOException {
    if (prefix.isEmpty()) {
      return List.of();
    }
    List<Map.Entry<String, Integer>> matches =
        new ArrayList<>(vocabulary.startingWith(prefix, MAX_SCANNED));
    matches.sort(
        Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
            .reversed()
            .thenComparing(Map.Entry::getKey));
    return matches;
  }

  /**
   * The words starting with {@code prefix} that follow {@code previous} (both in the exact view),
   * with how many passages have them there (counted up to {@value #PAIR_COUNT_CAP}), most first.
   * With a prefix, the first {@value #PAIR_CANDIDATES} of {@code words} (the terms it starts, most
   * frequent first) are each tried as a phrase, within a bound on the passages walked. Without one,
   * or when {@code words} was cut short, the first {@value #PAIR_SAMPLE} passages holding the
   * previous word are read, and what follows it there is counted.
   */
  private static List<Map.Entry<String, Integer>> followers(
      Vocabulary vocabulary, String previous, String prefix, List<Map.Entry<String, Integer>> words)
      throws IOException {
    if (previous.isEmpty()) {
      return List.of();
    }
    int previousFrequency = vocabulary.frequency(previous);
    if (previousFrequency == 0) {
      return List.of();
    }
    List<Map.Entry<String, Integer>> followers = new ArrayList<>();
    if (prefix.isEmpty()) {
      followers.addAll(sampledFollowers(vocabulary, previous, "").entrySet());
    } else {
      long walked = 0;
      List<String> tried = new ArrayList<>();
      for (Map.Entry<String, Integer> word :
          words.subList(0, Math.min(PAIR_CANDIDATES, words.size()))) {
        // A phrase search walks the rarer word's passages: past a point, too slow to try. A
        // bound on passages walked rather than on time, so that the same index gives the same
        // completions however busy the machine is.
        int walk = Math.min(previousFrequency, word.getValue());
        if (walk > PAIR_MAX_WALK || walked + walk > PAIR_WALK_BUDGET) {
          continue;
        }
        walked += walk;
        tried.add(word.getKey());
      }
      followers.addAll(vocabulary.pairCounts(previous, tried, PAIR_COUNT_CAP).entrySet());
      if (words.size() >= MAX_SCANNED) {
        // The candidates were the first terms of a long range, not its most frequent: a pair
        // after them would be missed, so the passages holding the previous word are read too.
        Set<String> known = new HashSet<>();
        followers.forEach(pair -> known.add(pair.getKey()));
        sampledFollowers(vocabulary, previous, prefix)
            .forEach(
                (word, count) -> {
                  if (!known.contains(word)) {
                    followers.add(Map.entry(word, count));
                  }
                });
      }
    }
    // Stable: equal counts keep the words' own order, most frequent first.
    followers.sort(
        Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed());
    return followers;
  }

  /**
   * The words starting with {@code prefix} after {@code previous} in the first {@value
   * #PAIR_SAMPLE} passages holding it, with how many of those hold each pair.
   */
  private static Map<String, Integer> sampledFollowers(
      Vocabulary vocabulary, String previous, String prefix) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    for (String text : vocabulary.textsHolding(previous, PAIR_SAMPLE)) {
      List<String> words = TextAnalysis.terms(Schema.ANALYZER, Schema.TEXT_EXACT, text);
      Set<String> seen = new HashSet<>();
      for (int i = 1; i < words.size(); i++) {
        if (words.get(i - 1).equals(previous)
            && words.get(i).startsWith(prefix)
            && seen.add(words.get(i))) {
          counts.merge(words.get(i), 1, Integer::sum);
        }
      }
    }
    return counts;
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
