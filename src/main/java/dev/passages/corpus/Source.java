package dev.passages.corpus;

import java.util.Optional;

/** Where a document comes from, decided by its place in the corpus folder. */
public enum Source {
  /** The article itself: any file outside {@code commentary/} and {@code comments/}. */
  ARTICLE("article"),
  /** Related texts: other articles, opinion pieces, analyses under {@code commentary/}. */
  COMMENTARY("commentary"),
  /** Reader comments under {@code comments/}. */
  COMMENT("comment");

  private final String id;

  Source(String id) {
    this.id = id;
  }

  /** The lower-case name used in queries ({@code source:comment}), JSON and the index. */
  public String id() {
    return id;
  }

  /** The source named {@code id}, case-insensitively; empty for any other string. */
  public static Optional<Source> byId(String id) {
    // A loop, not a stream: every search calls this per index segment and every hit.
    for (Source source : VALUES) {
      if (source.id.equalsIgnoreCase(id)) {
        return Optional.of(source);
      }
    }
    return Optional.empty();
  }

  private static final Source[] VALUES = values();

  /** The source of a document at {@code relativePath} ({@code /}-separated) in the corpus. */
  public static Source ofPath(String relativePath) {
    if (relativePath.startsWith("commentary/")) {
      return COMMENTARY;
    }
    if (relativePath.startsWith("comments/")) {
      return COMMENT;
    }
    return ARTICLE;
  }
}
