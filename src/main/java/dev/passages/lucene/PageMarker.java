package dev.passages.lucene;

import dev.passages.search.Hit;
import dev.passages.search.Matched;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Marks a page of passages that another engine found and ranked, exactly as the embedded engine
 * marks its own: the page's passages are indexed in memory with the same schema and marked by the
 * same highlighter, which reads nothing but the passage itself (no index statistics). So a phrase
 * is one mark, every character is escaped, and the offsets are the same UTF-16 offsets, whichever
 * engine found the passage. A page of ten passages takes a fraction of a millisecond.
 */
public final class PageMarker {

  /** One passage of a page as another engine ranked it. */
  public record Ranked(IndexedPassage passage, float score, Matched matched) {}

  private PageMarker() {}

  /** The page's hits in the order given, marked for {@code marked} (a query of {@link Schema}). */
  public static List<Hit> mark(Query marked, List<Ranked> page) {
    if (page.isEmpty()) {
      return List.of();
    }
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(Schema.ANALYZER))) {
        for (Ranked ranked : page) {
          writer.addDocument(PassageDocuments.toDocument(ranked.passage()));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        HighlightingSearcher searcher = new HighlightingSearcher(reader);
        // One segment, written in page order: document i is the page's i-th passage.
        ScoreDoc[] docs = new ScoreDoc[page.size()];
        for (int i = 0; i < docs.length; i++) {
          docs[i] = new ScoreDoc(i, page.get(i).score());
        }
        return Hits.inOrder(searcher, marked, docs, doc -> page.get(doc).matched());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
