package dev.passages.lucene;

import dev.passages.corpus.CorpusReader;
import dev.passages.embedding.Embedder;
import dev.passages.index.CorpusIndex;
import dev.passages.index.IndexProgress;
import dev.passages.index.IndexReport;
import dev.passages.index.IndexStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One-shot indexing of a corpus folder into an embedded index, for the CLI and tests: each call
 * opens the index, does its work in one commit and closes it. A reader sees the index before or
 * after, never halfway.
 */
public final class Indexer {

  private final Path corpus;
  private final Path index;

  public Indexer(Path corpus, Path index) {
    this.corpus = corpus;
    this.index = index;
  }

  /** Re-indexes the documents whose content changed and removes those whose files are gone. */
  public IndexReport update() throws IOException {
    return update(false, progress -> {});
  }

  /** Throws the index away and indexes the whole corpus. */
  public IndexReport rebuild() throws IOException {
    return update(true, progress -> {});
  }

  /**
   * {@link #update()}, or {@link #rebuild()} when {@code fromScratch}, telling {@code progress} how
   * far it has come about once a second.
   */
  public IndexReport update(boolean fromScratch, Consumer<IndexProgress> progress)
      throws IOException {
    try (CorpusIndex live = open(corpus, index, fromScratch)) {
      return live.update(progress);
    }
  }

  /** Updates the index when it is missing or out of date; empty when it was fresh. */
  public Optional<IndexReport> updateIfStale() throws IOException {
    return status() == IndexStatus.FRESH ? Optional.empty() : Optional.of(update());
  }

  /**
   * How many passages of the index have no vector of the current model; reads the last commit
   * without taking the index's write lock. 0 when there is no index.
   */
  public long pendingVectors() throws IOException {
    try (Directory directory = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(directory)) {
        return 0;
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        return reader.numDocs()
            - searcher.count(new TermQuery(new Term(Schema.EMBEDDED, Embedder.MODEL)));
      }
    }
  }

  /** Whether the index exists and was built from the corpus files as they are now. */
  public IndexStatus status() throws IOException {
    return LuceneWriter.status(index, new CorpusReader(corpus).fingerprint());
  }

  /** The corpus kept in line with an embedded index in {@code index}, open for writing. */
  public static CorpusIndex open(Path corpus, Path index, boolean fromScratch) throws IOException {
    return new CorpusIndex(corpus, LuceneWriter.open(index, fromScratch));
  }
}
