package dev.passages.search;

import java.util.List;

/**
 * One matching passage, as the API and the CLI show it.
 *
 * @param id the passage id, {@code article#p7}
 * @param doc the document id, {@code article}
 * @param title the document's title
 * @param source {@code article}, {@code commentary} or {@code comment}
 * @param kind {@code title}, {@code heading} or {@code paragraph}
 * @param paragraph the paragraph number within the document, null for a title or heading
 * @param section the heading the passage stands under, null if none
 * @param score relevance (BM25); comparable only within one result list
 * @param matched whether the passage holds every part of the query or only some
 * @param text the whole passage, plain text
 * @param highlight HTML: the passage, or for one longer than {@value #WHOLE_UP_TO_CHARS} characters
 *     its best part with "…", escaped, with the matches in {@code <mark>}
 * @param matches {@code [start, end)} of each match in {@code text}, in UTF-16 code units
 * @param explain which query word matched which words of the text, and how
 */
public record Hit(
    String id,
    String doc,
    String title,
    String source,
    String kind,
    Integer paragraph,
    String section,
    float score,
    Matched matched,
    String text,
    String highlight,
    List<int[]> matches,
    List<MatchNote> explain) {

  /** Passages up to this many characters are shown whole in {@code highlight}. */
  public static final int WHOLE_UP_TO_CHARS = 320;

  /** Target length of each window of a longer passage shown in {@code highlight}. */
  public static final int EXCERPT_CHARS = 200;

  /** At most this many windows of a longer passage are shown, joined by "…". */
  public static final int EXCERPT_WINDOWS = 2;

  /** This hit with its explanation. */
  Hit explained(List<MatchNote> notes) {
    return new Hit(
        id, doc, title, source, kind, paragraph, section, score, matched, text, highlight, matches,
        notes);
  }
}
