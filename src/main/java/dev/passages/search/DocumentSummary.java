package dev.passages.search;

/**
 * One indexed document, as the document listing shows it.
 *
 * @param about for a reader comment, the id of the document it discusses (without the paragraph);
 *     null for the others
 */
public record DocumentSummary(String id, String title, String source, int passages, String about) {

  /** A document that is no comment. */
  public DocumentSummary(String id, String title, String source, int passages) {
    this(id, title, source, passages, null);
  }

  /** The document part of a comment's {@code about} ({@code article#p5} → {@code article}). */
  public static String aboutDocument(String about) {
    if (about == null) {
      return null;
    }
    int hash = about.indexOf('#');
    return hash < 0 ? about : about.substring(0, hash);
  }
}
