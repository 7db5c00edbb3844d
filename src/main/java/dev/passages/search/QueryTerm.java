package dev.passages.search;

/**
 * A positive part of a query, as typed: what the reader is looking for, for explanations.
 *
 * @param text a word, a phrase's words, or a prefix without its {@code *}
 */
public record QueryTerm(Kind kind, String text) {

  /** How the part matches. */
  public enum Kind {
    WORD,
    PHRASE,
    PREFIX
  }
}
