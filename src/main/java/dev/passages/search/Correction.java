package dev.passages.search;

import java.util.Map;

/**
 * A query with its misspelled words corrected.
 *
 * @param query the query with its misspelled words replaced, syntax kept
 * @param fixes each corrected word (as the index has it) and the word typed
 */
public record Correction(String query, Map<String, String> fixes) {

  public Correction {
    fixes = Map.copyOf(fixes);
  }
}
