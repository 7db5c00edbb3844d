package dev.passages.lucene;

import dev.passages.search.BoundedCache;
import dev.passages.search.Correction;
import dev.passages.search.QuerySyntax;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Corrects misspelled query words from the index's own {@link Vocabulary} (Lucene's {@code
 * DirectSpellChecker}, or OpenSearch's term suggester, which is the same), word by word, keeping
 * quotes and operators as typed. A word is corrected only when it is not in the index at all; how
 * far a correction may be depends on the word's length, as users expect from Meilisearch and
 * Typesense: none below {@value #ONE_EDIT_FROM} letters, one edit up to {@value #TWO_EDITS_FROM} -
 * 1, two from there.
 */
public final class Spelling {

  static final int ONE_EDIT_FROM = 5;
  static final int TWO_EDITS_FROM = 9;

  /** Longer "words" are no words: the spell checker's automaton grows with the word. */
  static final int MAX_WORD_CHARS = 40;

  private Spelling() {}

  /**
   * Words whose spelling was decided, kept per index snapshot (see {@link #correct}); words over
   * four times {@value #MAX_WORD_CHARS} characters are not kept, which bounds the memory.
   */
  static final int DECISIONS_KEPT = 4_096;

  /** {@code query} with its misspelled words corrected; empty when nothing needed correcting. */
  public static Optional<Correction> correct(Vocabulary vocabulary, String query) {
    return correct(vocabulary, query, new BoundedCache<>(DECISIONS_KEPT));
  }

  /**
   * {@code query} corrected, deciding each word once: {@code decided} holds what each word already
   * seen in the same vocabulary became (itself when it was right). The embedded engine keeps one
   * per index snapshot, so that a word is looked up in the index (and, when it is not there, an
   * edit automaton built) once until the index changes, not at every search holding it.
   */
  static Optional<Correction> correct(
      Vocabulary vocabulary, String query, BoundedCache<String, String> decided) {
    Map<String, String> fixes = new LinkedHashMap<>();
    String corrected =
        QuerySyntax.replaceWords(
            query,
            word -> {
              String fixed =
                  word.length() > MAX_WORD_CHARS * 4
                      ? correctWord(vocabulary, word)
                      : decided.get(word, w -> correctWord(vocabulary, w));
              if (!fixed.equals(word)) {
                fixes.put(fixed, word);
              }
              return fixed;
            });
    return fixes.isEmpty() ? Optional.empty() : Optional.of(new Correction(corrected, fixes));
  }

  private static String correctWord(Vocabulary vocabulary, String word) {
    String form = Schema.ANALYZER.normalize(Schema.TEXT_EXACT, word).utf8ToString();
    int letters = form.codePointCount(0, form.length());
    if (letters < ONE_EDIT_FROM
        || letters > MAX_WORD_CHARS
        || !form.chars().allMatch(Character::isLetter)) {
      return word;
    }
    try {
      if (vocabulary.contains(form)) {
        return word;
      }
      // One edit first even where two are allowed: most typos are one edit, and the two-edit
      // automaton costs several times as much to build (Kazakstan: 1.8 ms against 0.4 ms).
      Optional<String> suggestion = vocabulary.closest(form, 1);
      if (suggestion.isEmpty() && letters >= TWO_EDITS_FROM) {
        suggestion = vocabulary.closest(form, 2);
      }
      return suggestion.orElse(word);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
