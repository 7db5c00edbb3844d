package dev.passages.index;

/**
 * How far an indexing run has come, reported about once a second.
 *
 * @param filesDone files read so far
 * @param files files to read in all
 * @param bytesDone bytes of the files read so far
 * @param bytes bytes of all the files to read
 * @param passages passages read so far
 * @param millis time since the run started
 */
public record IndexProgress(
    int filesDone, int files, long bytesDone, long bytes, long passages, long millis) {

  /** Passages read per second so far. */
  public double passagesPerSecond() {
    return millis == 0 ? 0 : passages * 1000.0 / millis;
  }

  /**
   * Estimated milliseconds left, from the bytes read so far (from the files, when sizes are
   * unknown); -1 before anything is read. Bytes, because a corpus mixes small and large files.
   */
  public long remainingMillis() {
    if (bytes > 0 && bytesDone > 0) {
      return millis * (bytes - bytesDone) / bytesDone;
    }
    return filesDone == 0 ? -1 : millis * (files - filesDone) / filesDone;
  }
}
