package dev.passages.search;

import java.util.List;

/** Ways to finish a partly typed query, most frequent first. */
public record Completions(String query, List<Completion> completions) {

  public static final int DEFAULT_LIMIT = 8;
  public static final int MAX_LIMIT = 20;

  public Completions {
    completions = List.copyOf(completions);
  }
}
