package dev.passages.search;

/** One indexed document, as the document listing shows it. */
public record DocumentSummary(String id, String title, String source, int passages) {}
