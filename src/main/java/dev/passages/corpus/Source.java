package dev.passages.corpus;

import java.util.Arrays;
import java.util.Locale;
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
    String wanted = id.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst();
  }

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
