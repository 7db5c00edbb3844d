package dev.passages.search;

/**
 * Why part of a passage matched: which part of the query found which words of the text.
 *
 * @param query the query word, {@code "phrase"} or {@code prefix*} as typed
 * @param matched the words in the passage
 * @param how {@code exact} (as typed, case and accents aside), {@code stem} (another form of the
 *     word: investments → investment), {@code phrase}, {@code prefix}, or {@code typo} (the word
 *     was misspelled and corrected)
 */
public record MatchNote(String query, String matched, String how) {}
