package dev.passages.corpus;

/** What part of a document a passage is. */
public enum PassageKind {
  TITLE,
  HEADING,
  PARAGRAPH;

  /** The lower-case name used in JSON and the index. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
