package dev.passages.index;

/**
 * How far an indexing run has come, reported about once a second.
 *
 * @param filesDone files read so far
 * @param files files to read in all
 * @param passages passages read so far
 * @param millis time since the run started
 */
public record IndexProgress(int filesDone, int files, long passages, long millis) {

  /** Passages read per second so far. */
  public double passagesPerSecond() {
    return millis == 0 ? 0 : passages * 1000.0 / millis;
  }

  /** Estimated milliseconds left, from the files read so far. */
  public long remainingMillis() {
    return filesDone == 0 ? -1 : millis * (files - filesDone) / filesDone;
  }
}
