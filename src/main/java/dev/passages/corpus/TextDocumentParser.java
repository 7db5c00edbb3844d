package dev.passages.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a plain-text document into passages. The first non-empty line is the title; every other
 * non-empty line is a paragraph, except a short line without closing punctuation that a paragraph
 * follows (a section heading) and short lines at the end that no paragraph follows (page furniture
 * such as "Give a Comment", which is not content and is not indexed). A text with no line that
 * reads as a paragraph keeps all its lines as paragraphs.
 *
 * <p>Files under {@code comments/} are reader comments: every line is a paragraph.
 *
 * <p>A {@link FrontMatter} block at the top is split off first and gives the metadata; when it
 * names a title, that is the title and the first line is content like any other.
 */
public final class TextDocumentParser {

  /** Longest first line, in characters, that is taken as the title. */
  static final int MAX_TITLE_CHARS = 300;

  /** Longest line, in characters, that can still be a heading or page furniture. */
  static final int SHORT_LINE_CHARS = 80;

  /** Most words a heading or a furniture line can have. */
  static final int SHORT_LINE_WORDS = 12;

  private TextDocumentParser() {}

  /** Characters as a reader counts them: an emoji or a CJK extension character is one. */
  private static int characters(String line) {
    return line.codePointCount(0, line.length());
  }

  /**
   * The document {@code id} from {@code text}; empty when the text has no non-empty line.
   *
   * @param id the document id, as in {@link SourceDocument#id()}
   */
  public static Optional<SourceDocument> parse(String id, Source source, String text) {
    FrontMatter front = FrontMatter.split(text);
    List<String> lines = nonEmptyLines(front.body());
    String title = front.metadata().title();
    if (title == null) {
      if (lines.isEmpty()) {
        return Optional.empty();
      }
      // A first line too long to be a title is text: the file's name stands in as its title.
      title =
          characters(lines.getFirst()) <= MAX_TITLE_CHARS
              ? lines.removeFirst()
              : DocumentBuilder.baseName(id);
    }
    // A reader comment is what its author typed, line by line: no headings, no furniture.
    boolean plain = source == Source.COMMENT;
    int end = lines.size(); // content is lines [0, end); the rest is furniture
    while (!plain && end > 0 && isShortUnpunctuated(lines.get(end - 1))) {
      end--;
    }
    if (end == 0) {
      // Furniture follows content: a text of short lines only ("I agree") is all content.
      end = lines.size();
    }

    List<Passage> passages = new ArrayList<>();
    passages.add(Passage.of(id, PassageKind.TITLE, 0, null, title));
    String section = null;
    int headings = 0;
    int paragraphs = 0;
    for (int i = 0; i < end; i++) {
      String line = lines.get(i);
      if (!plain && i < end - 1 && isShortUnpunctuated(line)) {
        section = line;
        passages.add(Passage.of(id, PassageKind.HEADING, ++headings, null, line));
      } else {
        for (String piece : LongParagraphs.split(line)) {
          passages.add(Passage.of(id, PassageKind.PARAGRAPH, ++paragraphs, section, piece));
        }
      }
    }
    List<String> furniture = lines.subList(end, lines.size());
    return Optional.of(
        new SourceDocument(id, source, title, passages, furniture, front.metadata()));
  }

  private static List<String> nonEmptyLines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : (Iterable<String>) text.lines()::iterator) {
      String trimmed = DocumentBuilder.strip(line);
      if (!trimmed.isEmpty()) {
        lines.add(trimmed);
      }
    }
    return lines;
  }

  /** A line short enough to be a heading and not ending a sentence. */
  static boolean isShortUnpunctuated(String line) {
    if (characters(line) > SHORT_LINE_CHARS || line.split("\\s+").length > SHORT_LINE_WORDS) {
      return false;
    }
    int end = line.length();
    // Look through closing quotes and brackets: 'He said "no."' ends a sentence.
    while (end > 0 && "\"'”’)]»".indexOf(line.charAt(end - 1)) >= 0) {
      end--;
    }
    return end > 0 && ".!?:;,…".indexOf(line.charAt(end - 1)) < 0;
  }
}
