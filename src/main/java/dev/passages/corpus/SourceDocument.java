package dev.passages.corpus;

import java.util.List;
import java.util.Objects;

/**
 * One corpus file, read and split into passages in reading order.
 *
 * @param id the file's path relative to the corpus, {@code /}-separated, without its extension:
 *     {@code article}, {@code commentary/reuters-2022-01-12}
 * @param source article, commentary or comment, from the file's folder
 * @param title the document's title (also its first passage)
 * @param passages title, headings and paragraphs in reading order
 * @param ignoredLines trailing lines that no paragraph follows ("Give a Comment"): page furniture
 * @param metadata author, date, URL and the like, as far as the file states them
 */
public record SourceDocument(
    String id,
    Source source,
    String title,
    List<Passage> passages,
    List<String> ignoredLines,
    Metadata metadata) {

  public SourceDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(title, "title");
    passages = List.copyOf(passages);
    ignoredLines = List.copyOf(ignoredLines);
    Objects.requireNonNull(metadata, "metadata");
  }

  /** A document that states nothing about itself ({@link Metadata#NONE}). */
  public SourceDocument(
      String id, Source source, String title, List<Passage> passages, List<String> ignoredLines) {
    this(id, source, title, passages, ignoredLines, Metadata.NONE);
  }
}
