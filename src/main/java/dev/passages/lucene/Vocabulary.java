package dev.passages.lucene;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An engine's words in the exact view ({@link Schema#TEXT_EXACT}: lower-cased, accents folded,
 * unstemmed), as {@link Spelling} and {@link Completer} ask for them: which words exist, how common
 * they are, what the closest known word to a misspelling is, and which words follow which. Each
 * engine answers from its own index; the rules of correcting and completing stay one.
 */
public interface Vocabulary {

  /** Whether any passage holds {@code word}. */
  boolean contains(String word) throws IOException;

  /**
   * The known word closest to {@code word}, within {@code maxEdits} edits, as Lucene's {@code
   * DirectSpellChecker} picks it with its defaults (closest first, then most frequent); empty when
   * there is none.
   */
  Optional<String> closest(String word, int maxEdits) throws IOException;

  /**
   * Up to {@code max} words starting with {@code prefix} with how many passages hold each, in the
   * order of the words.
   */
  List<Map.Entry<String, Integer>> startingWith(String prefix, int max) throws IOException;

  /** How many passages hold {@code word}. */
  int frequency(String word) throws IOException;

  /**
   * For each of {@code next}, how many passages hold it right after {@code previous}, counted up to
   * {@code cap}; words that never follow it are left out.
   */
  Map<String, Integer> pairCounts(String previous, List<String> next, int cap) throws IOException;

  /** The texts of the first {@code max} passages holding {@code word}. */
  List<String> textsHolding(String word, int max) throws IOException;
}
