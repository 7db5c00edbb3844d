package dev.passages.corpus;

/**
 * A corpus file that was not indexed, or was indexed with a caveat, and why.
 *
 * @param path the file's path relative to the corpus
 * @param reason what is wrong, in words a user can act on
 * @param indexed true when the file was still indexed (a warning), false when it was skipped
 */
public record Skip(String path, String reason, boolean indexed) {}
