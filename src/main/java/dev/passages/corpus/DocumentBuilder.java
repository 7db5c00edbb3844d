package dev.passages.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Collects the passages of a structured (Markdown or HTML) document in reading order: numbers
 * headings and paragraphs, keeps track of the section, and makes whitespace single spaces so that a
 * passage reads the same whatever the markup's line breaks were.
 */
final class DocumentBuilder {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final String id;
  private final Source source;
  private final String title;
  private final boolean titleFromFileName;
  private final Metadata metadata;
  private final List<Passage> passages = new ArrayList<>();
  private String section;
  private int headings;
  private int paragraphs;

  /**
   * @param title the document's title, or null to use its file name ({@link #baseName})
   */
  DocumentBuilder(String id, Source source, String title, Metadata metadata) {
    String stated = title == null ? "" : collapse(title);
    this.id = id;
    this.source = source;
    this.titleFromFileName = stated.isEmpty();
    this.title = titleFromFileName ? baseName(id) : stated;
    this.metadata = metadata;
    passages.add(Passage.of(id, PassageKind.TITLE, 0, null, this.title));
  }

  /** The title, collapsed, or the file name when none was given. */
  String title() {
    return title;
  }

  /** Adds a heading, which becomes the section of what follows; blank text is passed over. */
  void heading(String text) {
    String heading = collapse(text);
    if (!heading.isEmpty()) {
      section = heading;
      passages.add(Passage.of(id, PassageKind.HEADING, ++headings, null, heading));
    }
  }

  /** Adds a paragraph under the current section; blank text is passed over. */
  void paragraph(String text) {
    String paragraph = collapse(text);
    if (!paragraph.isEmpty()) {
      for (String piece : LongParagraphs.split(paragraph)) {
        passages.add(Passage.of(id, PassageKind.PARAGRAPH, ++paragraphs, section, piece));
      }
    }
  }

  /**
   * The document; empty when it has no text at all: no heading or paragraph, and no title but its
   * file name.
   */
  Optional<SourceDocument> build() {
    if (titleFromFileName && passages.size() == 1) {
      return Optional.empty();
    }
    return Optional.of(new SourceDocument(id, source, title, passages, List.of(), metadata));
  }

  /** The last segment of a document id: {@code op-ed} for {@code commentary/op-ed}. */
  static String baseName(String id) {
    return id.substring(id.lastIndexOf('/') + 1);
  }

  /** {@code text} with every run of whitespace made one space, and trimmed. */
  static String collapse(String text) {
    return strip(WHITESPACE.matcher(text).replaceAll(" "));
  }

  /**
   * {@code text} without spaces of any kind at either end, no-break ones too: {@link String#strip}
   * keeps U+00A0, so a line or paragraph of {@code &nbsp;} (common in text copied from web pages)
   * would be a passage that shows nothing, or a heading of nothing in a text file. Spaces inside
   * the text stay as written.
   */
  static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
