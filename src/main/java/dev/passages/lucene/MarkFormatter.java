package dev.passages.lucene;

import dev.passages.search.Html;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's windows of one passage into a {@link Highlight}: every match offset, and
 * HTML of either the whole text (when short) or the best-scored windows in reading order (when
 * long). Lucene's formatter does the marking and escaping (every character of the text is escaped;
 * only our {@code <mark>} tags are not); this adds what it leaves out: "…" at both ends of a
 * cropped excerpt, and the match offsets.
 */
final class MarkFormatter extends PassageFormatter {

  static final String ELLIPSIS = "…";

  /** Higher score first; equal scores, earlier first. */
  private static final Comparator<Passage> BEST_FIRST =
      Comparator.comparingDouble((Passage p) -> -p.getScore())
          .thenComparingInt(Passage::getStartOffset);

  /** Room for the tags around a few marks, past the text shown. */
  private static final int ROOM_FOR_MARKS = 96;

  private final int wholeUpToChars;
  private final int windows;

  /**
   * @param wholeUpToChars texts up to this long are shown whole
   * @param windows longer texts show at most this many windows
   */
  MarkFormatter(int wholeUpToChars, int windows) {
    this.wholeUpToChars = wholeUpToChars;
    this.windows = windows;
  }

  @Override
  public Highlight format(Passage[] passages, String content) {
    if (passages.length == 0) {
      return null;
    }
    List<int[]> matches = matches(passages, content.length());
    Passage[] shown =
        content.length() <= wholeUpToChars
            ? new Passage[] {whole(passages, content)}
            : best(passages);
    // Made in one step, not copied again into a builder and out of it: the query mix 1 % less
    // (both ways in turn in one JVM).
    String before = shown[0].getStartOffset() > 0 ? ELLIPSIS : "";
    String after = shown[shown.length - 1].getEndOffset() < content.length() ? ELLIPSIS : "";
    return new Highlight(before + marks(shown, content).format(shown, content) + after, matches);
  }

  /**
   * Lucene's formatter of marks, escaping {@code content} as {@link Html#escape} does, from its
   * escaping kept for all requests. Its builder starts with room for 16 characters of Latin-1 and
   * was grown several times for each passage, each time copied, and then copied a character at a
   * time while the text was in Latin-1 up to its first curly quote or dash: at its first text it is
   * given room for what is shown, and made wide at once when the text is.
   */
  private static DefaultPassageFormatter marks(Passage[] shown, String content) {
    Html.Escaped escaped = Html.ranges(content);
    int shownChars = 0;
    for (Passage passage : shown) {
      shownChars += passage.getEndOffset() - passage.getStartOffset();
    }
    int room = shownChars + ROOM_FOR_MARKS;
    return new DefaultPassageFormatter("<mark>", "</mark>", ELLIPSIS, true) {
      @Override
      protected void append(StringBuilder dest, String text, int start, int end) {
        if (dest.capacity() < room) {
          dest.ensureCapacity(room);
          if (escaped.wide()) {
            // A builder holds Latin-1 until a wider character comes; one put in and taken out
            // widens it while it holds a few characters, not a passage.
            dest.append(ELLIPSIS).setLength(dest.length() - ELLIPSIS.length());
          }
        }
        escaped.append(start, end, dest);
      }
    };
  }

  /** One window over all of {@code content}, holding the matches of every window. */
  private static Passage whole(Passage[] passages, String content) {
    Passage whole = new Passage();
    whole.setStartOffset(0);
    whole.setEndOffset(content.length());
    for (Passage passage : passages) {
      int[] starts = passage.getMatchStarts();
      int[] ends = passage.getMatchEnds();
      for (int i = 0; i < passage.getNumMatches(); i++) {
        whole.addMatch(
            starts[i], ends[i], passage.getMatchTerms()[i], passage.getMatchTermFreqsInDoc()[i]);
      }
    }
    return whole;
  }

  /** The best {@link #windows} windows, in reading order. */
  private Passage[] best(Passage[] passages) {
    if (passages.length <= windows) {
      return passages;
    }
    Passage[] best = passages.clone();
    Arrays.sort(best, BEST_FIRST);
    best = Arrays.copyOf(best, windows);
    Arrays.sort(best, Comparator.comparingInt(Passage::getStartOffset));
    return best;
  }

  /**
   * Match offsets, overlapping ones merged, as Lucene's formatter merges them into one mark. A
   * match may run past the end of its window (a phrase across a sentence end), so only the text's
   * end bounds it.
   */
  private static List<int[]> matches(Passage[] passages, int textLength) {
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
        matches.add(new int[] {start, Math.min(end, textLength)});
      }
    }
    return matches;
  }
}
