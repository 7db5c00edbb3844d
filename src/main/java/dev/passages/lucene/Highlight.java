package dev.passages.lucene;

import java.util.List;

/**
 * A passage with its matches marked.
 *
 * @param html the shown text, HTML-escaped, matches in {@code <mark>}, "…" where it was cropped;
 *     null when only the offsets were asked for
 * @param matches {@code [start, end)} of each match in the passage text, merged where they touch
 */
record Highlight(String html, List<int[]> matches) {}
