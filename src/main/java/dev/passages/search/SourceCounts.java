package dev.passages.search;

/** How many passages a query matches in each source, whatever source filter the page applies. */
public record SourceCounts(long article, long commentary, long comment) {

  public static final SourceCounts NONE = new SourceCounts(0, 0, 0);
}
