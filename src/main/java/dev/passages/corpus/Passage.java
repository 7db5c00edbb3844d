package dev.passages.corpus;

import java.util.Objects;

/**
 * One searchable unit of a document: its title, a section heading or a paragraph.
 *
 * @param id stable, readable id: {@code article#title}, {@code article#h1}, {@code article#p7}; the
 *     part after {@code #} is the anchor of the passage in the document view
 * @param doc the id of the document it belongs to
 * @param kind title, heading or paragraph
 * @param number 1-based position among the passages of the same kind (0 for the title)
 * @param section the heading the passage stands under, or null before the first heading
 * @param text the passage's text as written, typography untouched
 */
public record Passage(
    String id, String doc, PassageKind kind, int number, String section, String text) {

  public Passage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("passage " + id + " has no text");
    }
  }

  /** The passage of {@code kind} at {@code number} in document {@code doc}. */
  public static Passage of(String doc, PassageKind kind, int number, String section, String text) {
    return new Passage(doc + "#" + anchor(kind, number), doc, kind, number, section, text);
  }

  /**
   * The fragment that names a passage within its document: {@code title}, {@code h2}, {@code p7}.
   */
  public static String anchor(PassageKind kind, int number) {
    return switch (kind) {
      case TITLE -> "title";
      case HEADING -> "h" + number;
      case PARAGRAPH -> "p" + number;
    };
  }

  /** The paragraph number, or null for a title or heading. */
  public Integer paragraph() {
    return kind == PassageKind.PARAGRAPH ? number : null;
  }
}
