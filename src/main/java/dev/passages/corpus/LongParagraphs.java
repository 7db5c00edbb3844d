package dev.passages.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a paragraph too long to be one passage. A "paragraph" of megabytes (a file of one line, a
 * dump without line breaks) would make every hit on it megabytes of JSON; as passages of at most
 * {@value #MAX_CHARS} characters it is searchable like any other text.
 */
final class LongParagraphs {

  /** The longest passage, in UTF-16 code units; real paragraphs are far shorter. */
  static final int MAX_CHARS = 10_000;

  private LongParagraphs() {}

  /** {@code text} itself, or pieces of it that end at a sentence or a space where they can. */
  static List<String> split(String text) {
    if (text.length() <= MAX_CHARS) {
      return List.of(text);
    }
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (text.length() - start > MAX_CHARS) {
      int end = cut(text, start);
      String piece = text.substring(start, end).strip();
      if (!piece.isEmpty()) {
        pieces.add(piece);
      }
      start = end;
    }
    String rest = text.substring(start).strip();
    if (!rest.isEmpty()) {
      pieces.add(rest);
    }
    return pieces;
  }

  /** Where the piece from {@code start} ends: after a sentence, else at a space, else anywhere. */
  private static int cut(String text, int start) {
    int limit = start + MAX_CHARS;
    int sentence = text.lastIndexOf(". ", limit - 1);
    if (sentence > start + MAX_CHARS / 2) {
      return sentence + 1;
    }
    for (int i = limit; i > start + MAX_CHARS / 2; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    // No space in sight: cut, but never between the two halves of a surrogate pair.
    return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
  }
}
