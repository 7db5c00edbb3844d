package dev.passages.corpus;

import java.util.List;

/**
 * What reading a corpus folder found.
 *
 * @param documents the documents read, ordered by id
 * @param problems files skipped or read with a caveat, with the reason
 * @param fingerprint identifies the corpus files' state (see {@link CorpusReader#fingerprint})
 */
public record CorpusScan(List<SourceDocument> documents, List<Skip> problems, String fingerprint) {

  public CorpusScan {
    documents = List.copyOf(documents);
    problems = List.copyOf(problems);
  }

  /** Number of passages over all documents. */
  public int passageCount() {
    return documents.stream().mapToInt(d -> d.passages().size()).sum();
  }
}
