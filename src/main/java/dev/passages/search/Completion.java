package dev.passages.search;

/**
 * A way to finish what the reader is typing.
 *
 * @param query the whole query with its last word (or last two words) completed
 * @param passages how many passages hold the completed word or pair
 */
public record Completion(String query, int passages) {}
