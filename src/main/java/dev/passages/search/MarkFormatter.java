package dev.passages.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages into a {@link Highlight}. Lucene's formatter does the marking
 * and escaping (every character of the text is escaped; only our {@code <mark>} tags are not); this
 * adds what it leaves out: "…" at both ends of a cropped excerpt, and the match offsets.
 */
final class MarkFormatter extends PassageFormatter {

  static final String ELLIPSIS = "…";

  private final DefaultPassageFormatter marks =
      new DefaultPassageFormatter("<mark>", "</mark>", ELLIPSIS, true);

  private final int htmlUpToChars;

  /**
   * @param htmlUpToChars texts longer than this get match offsets only, no HTML: the whole-text
   *     pass needs the HTML of short passages alone, long ones are shown as excerpts
   */
  MarkFormatter(int htmlUpToChars) {
    this.htmlUpToChars = htmlUpToChars;
  }

  @Override
  public Highlight format(Passage[] passages, String content) {
    if (passages.length == 0) {
      return null;
    }
    if (content.length() > htmlUpToChars) {
      return new Highlight(null, matches(passages));
    }
    StringBuilder html = new StringBuilder();
    if (passages[0].getStartOffset() > 0) {
      html.append(ELLIPSIS);
    }
    html.append(marks.format(passages, content));
    if (passages[passages.length - 1].getEndOffset() < content.length()) {
      html.append(ELLIPSIS);
    }
    return new Highlight(html.toString(), matches(passages));
  }

  /** Match offsets, overlapping ones merged, as Lucene's formatter merges them into one mark. */
  private static List<int[]> matches(Passage[] passages) {
    List<int[]> matches = new ArrayList<>();
    for (Passage passage : passages) {
      int[] starts = passage.getMatchStarts();
      int[] ends = passage.getMatchEnds();
      for (int i = 0; i < passage.getNumMatches(); i++) {
        int start = starts[i];
        int end = ends[i];
        while (i + 1 < passage.getNumMatches() && starts[i + 1] < end) {
          end = Math.max(end, ends[++i]);
        }
        matches.add(new int[] {start, Math.min(end, passage.getEndOffset())});
      }
    }
    return matches;
  }
}
