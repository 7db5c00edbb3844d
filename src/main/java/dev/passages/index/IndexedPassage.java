package dev.passages.index;

import dev.passages.corpus.Passage;
import dev.passages.corpus.Source;

/**
 * A passage as the index holds it: the passage and what it needs to know of its document.
 *
 * @param ordinal position in the document's reading order, 0 for the title
 */
public record IndexedPassage(Passage passage, String title, Source source, int ordinal) {}
