package dev.passages.index;

import dev.passages.corpus.Source;
import dev.passages.corpus.SourceDocument;
import java.util.List;

/**
 * What an indexing run says about one document: enough to report it, without keeping its text.
 *
 * @param ignoredLines trailing lines left out as page furniture
 */
public record DocumentStats(String id, Source source, int passages, List<String> ignoredLines) {

  public DocumentStats {
    ignoredLines = List.copyOf(ignoredLines);
  }

  static DocumentStats of(SourceDocument document) {
    return new DocumentStats(
        document.id(), document.source(), document.passages().size(), document.ignoredLines());
  }
}
