package dev.passages.lucene;

import dev.passages.corpus.Metadata;
import dev.passages.corpus.Passage;
import dev.passages.corpus.Source;

/**
 * A passage as the index holds it: the passage and what it needs to know of its document.
 *
 * @param ordinal position in the document's reading order, 0 for the title
 * @param metadata what the document says about itself (author, date, url, what it is about)
 */
public record IndexedPassage(
    Passage passage, String title, Source source, int ordinal, Metadata metadata) {}
