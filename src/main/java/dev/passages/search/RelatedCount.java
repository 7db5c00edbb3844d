package dev.passages.search;

/** How many passages discuss one paragraph: see {@link PassageSearch#related}. */
public record RelatedCount(int paragraph, int count) {}
