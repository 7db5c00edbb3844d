package dev.passages.index;

import dev.passages.corpus.Skip;
import java.util.List;

/**
 * What an indexing run did.
 *
 * @param documents every document the corpus holds now, indexed, by id
 * @param added documents new to the index
 * @param updated documents whose content changed and were re-indexed
 * @param removed documents whose files are gone, taken out of the index
 * @param unchanged documents left as they were
 * @param problems files skipped or indexed with a caveat
 * @param millis wall time of the run
 */
public record IndexReport(
    List<DocumentStats> documents,
    int added,
    int updated,
    int removed,
    int unchanged,
    List<Skip> problems,
    long millis) {

  public IndexReport {
    documents = List.copyOf(documents);
    problems = List.copyOf(problems);
  }

  /** Passages over all documents. */
  public int passages() {
    return documents.stream().mapToInt(DocumentStats::passages).sum();
  }

  /** True when the run changed what the index holds. */
  public boolean changedAnything() {
    return added + updated + removed > 0;
  }
}
