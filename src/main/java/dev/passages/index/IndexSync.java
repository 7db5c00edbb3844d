package dev.passages.index;

import dev.passages.corpus.CorpusScan;
import dev.passages.corpus.SourceDocument;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Brings an index in line with a corpus scan, touching only what changed: a document whose content
 * hash differs is replaced as a whole (all its passages in one atomic update), one whose file is
 * gone is deleted. One commit ends the run, carrying the corpus fingerprint.
 */
final class IndexSync {

  private IndexSync() {}

  static IndexReport apply(IndexWriter writer, CorpusScan scan, long startNanos)
      throws IOException {
    Map<String, String> indexed = indexedHashes(writer);
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    Set<String> present = new HashSet<>();
    for (SourceDocument document : scan.documents()) {
      present.add(document.id());
      String hash = PassageDocuments.contentHash(document);
      String before = indexed.get(document.id());
      if (hash.equals(before)) {
        unchanged++;
        continue;
      }
      writer.updateDocuments(
          new Term(Schema.DOC, document.id()), PassageDocuments.toDocuments(document, hash));
      if (before == null) {
        added++;
      } else {
        updated++;
      }
    }
    int removed = 0;
    for (String id : indexed.keySet()) {
      if (!present.contains(id)) {
        writer.deleteDocuments(new Term(Schema.DOC, id));
        removed++;
      }
    }
    writer.setLiveCommitData(
        Map.of(
                Schema.COMMIT_SCHEMA, String.valueOf(Schema.VERSION),
                Schema.COMMIT_FINGERPRINT, scan.fingerprint())
            .entrySet());
    writer.commit();
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    return new IndexReport(
        scan.documents(), added, updated, removed, unchanged, scan.problems(), millis);
  }

  /**
   * Puts one document in line with its file, in one commit: {@code document} replaces what the
   * index holds under {@code id}, or, when empty, the document is removed. The stored corpus
   * fingerprint is left as it was, so a one-file update never makes a stale index look fresh.
   */
  static void applyOne(IndexWriter writer, String id, Optional<SourceDocument> document)
      throws IOException {
    Term key = new Term(Schema.DOC, id);
    if (document.isPresent()) {
      String hash = PassageDocuments.contentHash(document.get());
      writer.updateDocuments(key, PassageDocuments.toDocuments(document.get(), hash));
    } else {
      writer.deleteDocuments(key);
    }
    writer.commit();
  }

  /** Document id → content hash of every document in the index, from its title passage. */
  private static Map<String, String> indexedHashes(IndexWriter writer) throws IOException {
    Map<String, String> hashes = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TermQuery titles = new TermQuery(new Term(Schema.KIND, "title"));
      int count = searcher.count(titles);
      if (count == 0) {
        return hashes;
      }
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc hit : searcher.search(titles, count).scoreDocs) {
        Document doc = stored.document(hit.doc, Set.of(Schema.DOC, Schema.HASH));
        hashes.put(doc.get(Schema.DOC), doc.get(Schema.HASH));
      }
    }
    return hashes;
  }
}
