package dev.passages.index;

import java.util.Locale;

/**
 * How far meaning-based search covers an index.
 *
 * @param embedded passages with a vector
 * @param passages passages in the index
 * @param perSecond passages embedded per second in the run under way; 0 before it has a rate
 */
public record VectorProgress(long embedded, long passages, double perSecond) {

  public static final VectorProgress NOT_STARTED = new VectorProgress(0, 0, 0);

  static VectorProgress of(VectorCounts counts, long done, long nanos) {
    return new VectorProgress(
        counts.embedded(), counts.passages(), nanos > 0 ? done / (nanos / 1e9) : 0);
  }

  /** Seconds left at the current rate; -1 when unknown. */
  public long secondsLeft() {
    return perSecond > 0 ? Math.round((passages - embedded) / perSecond) : -1;
  }

  /** "1,200/31,183 passages, 180 passages/s, about 170 s left". */
  public String describe() {
    long left = secondsLeft();
    return String.format(
        Locale.ROOT,
        "%,d/%,d passages, %,.0f passages/s%s",
        embedded,
        passages,
        perSecond,
        left < 0 ? "" : ", about " + left + " s left");
  }
}
