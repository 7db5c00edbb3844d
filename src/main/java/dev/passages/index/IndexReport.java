package dev.passages.index;

import dev.passages.corpus.Skip;
import dev.passages.corpus.SourceDocument;
import java.util.List;

/**
 * What an indexing run did.
 *
 * @param documents the documents indexed
 * @param problems files skipped or indexed with a caveat
 * @param millis wall time of the run
 */
public record IndexReport(List<SourceDocument> documents, List<Skip> problems, long millis) {

  public IndexReport {
    documents = List.copyOf(documents);
    problems = List.copyOf(problems);
  }

  /** Passages indexed over all documents. */
  public int passages() {
    return documents.stream().mapToInt(d -> d.passages().size()).sum();
  }
}
