package dev.passages.corpus;

import java.time.Instant;
import java.util.Objects;

/**
 * A reader comment: what a reader wrote about a document or one of its paragraphs.
 *
 * @param id the comment's id, also its file name in {@code comments/} without {@code .txt}
 * @param doc the document it discusses
 * @param paragraph the paragraph it answers, or null for the document as a whole
 * @param author who wrote it, as they gave their name
 * @param text what they wrote; paragraphs separated by line breaks
 * @param date when it was received
 */
public record Comment(
    String id, String doc, Integer paragraph, String author, String text, Instant date) {

  /** Longest author name, in characters. */
  public static final int MAX_AUTHOR_CHARS = 80;

  /** Longest comment, in characters. */
  public static final int MAX_TEXT_CHARS = 5_000;

  public Comment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(date, "date");
    doc = required("doc", doc, 1_000);
    author = required("author", author, MAX_AUTHOR_CHARS);
    if (author.chars().anyMatch(Character::isISOControl)) {
      throw new CommentRejectedException("author", "author must be one line of text");
    }
    text = required("text", text, MAX_TEXT_CHARS).replace("\r\n", "\n").replace('\r', '\n');
    if (paragraph != null && paragraph < 1) {
      throw new CommentRejectedException(
          "paragraph", "paragraph must be 1 or more, got " + paragraph);
    }
  }

  /**
   * The id of the passage or document this comment is about: {@code article#p5}, {@code article}.
   */
  public String about() {
    return paragraph == null ? doc : doc + "#p" + paragraph;
  }

  /** The corpus document id of the comment itself. */
  public String documentId() {
    return CommentStore.FOLDER + "/" + id;
  }

  /** The comment's file, relative to the corpus. */
  public String path() {
    return documentId() + ".txt";
  }

  private static String required(String field, String value, int maxChars) {
    // Every kind of space stripped, no-break spaces too: a comment of those alone says nothing.
    String stripped = value == null ? "" : DocumentBuilder.strip(value);
    if (stripped.isEmpty()) {
      throw new CommentRejectedException(field, field + " is required");
    }
    int length = stripped.codePointCount(0, stripped.length());
    if (length > maxChars) {
      throw new CommentRejectedException(
          field, field + " is " + length + " characters long; the limit is " + maxChars);
    }
    return stripped;
  }
}
