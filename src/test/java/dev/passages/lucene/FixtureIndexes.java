package dev.passages.lucene;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/** Small corpora indexed from scratch for tests that read the index through Lucene itself. */
final class FixtureIndexes {

  private FixtureIndexes() {}

  /** {@code corpus} indexed afresh into {@code index}, and a reader of it; the caller closes it. */
  static DirectoryReader indexedReader(Path corpus, Path index) throws IOException {
    new Indexer(corpus, index).rebuild();
    return DirectoryReader.open(FSDirectory.open(index));
  }
}
