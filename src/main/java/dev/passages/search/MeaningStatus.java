package dev.passages.search;

/**
 * Whether questions are searched by meaning, and how much of the index the vectors cover.
 *
 * @param state {@code off} (turned off), {@code loading} (the model is loading), {@code
 *     unavailable} (the model cannot run here), {@code embedding} (passages are being given their
 *     vectors; searches use those there are), or {@code ready}
 * @param embedded passages with a vector
 * @param passages passages in the index
 * @param perSecond passages embedded per second while embedding
 * @param secondsLeft time left while embedding at that rate; -1 when not known
 * @param problem why the model is unavailable; else null
 */
public record MeaningStatus(
    String state,
    long embedded,
    long passages,
    double perSecond,
    long secondsLeft,
    String problem) {

  public static final MeaningStatus OFF = new MeaningStatus("off", 0, 0, 0, -1, null);
}
