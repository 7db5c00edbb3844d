package dev.passages.search;

import dev.passages.corpus.Passage;
import dev.passages.index.IndexedPassage;
import dev.passages.index.PassageDocuments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/** Turns ranked Lucene hits into {@link Hit}s: stored passage, highlight and match offsets. */
final class Hits {

  private Hits() {}

  /** The hits of {@code ranked} from position {@code offset} on, highlighted for {@code query}. */
  static List<Hit> read(HighlightingSearcher searcher, Query query, ScoreDoc[] ranked, int offset)
      throws IOException {
    if (ranked.length <= offset) {
      return List.of();
    }
    int count = ranked.length - offset;
    int[] docIds = new int[count];
    for (int i = 0; i < count; i++) {
      docIds[i] = ranked[offset + i].doc;
    }
    PassageHighlighter.Marked marks = searcher.highlighter.mark(query, docIds);
    Highlight[] marked = marks.highlights();
    StoredFields stored = null;
    List<Hit> hits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Document document = marks.documents().get(docIds[i]);
      if (document == null) { // not read by the highlighter
        stored = stored != null ? stored : searcher.storedFields();
        document = stored.document(docIds[i]);
      }
      IndexedPassage indexed = PassageDocuments.fromDocument(document);
      Passage passage = indexed.passage();
      hits.add(
          new Hit(
              passage.id(),
              passage.doc(),
              indexed.title(),
              indexed.source().id(),
              passage.kind().id(),
              passage.paragraph(),
              passage.section(),
              ranked[offset + i].score,
              passage.text(),
              marked[i] != null ? marked[i].html() : escape(passage.text()),
              marked[i] != null ? marked[i].matches() : List.of(),
              List.of()));
    }
    return hits;
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
