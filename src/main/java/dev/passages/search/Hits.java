package dev.passages.search;

import dev.passages.corpus.Passage;
import dev.passages.index.IndexedPassage;
import dev.passages.index.PassageDocuments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/** Turns ranked Lucene hits into {@link Hit}s: stored passage, highlight and match offsets. */
final class Hits {

  private Hits() {}

  /**
   * The hits of {@code ranked} from position {@code offset} on, highlighted for {@code query}. Each
   * score is read from the sort values when the ranking sorted by score, else from the hit.
   */
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
    Highlight[] whole = searcher.highlighter.whole(query, docIds);
    IndexedPassage[] passages = new IndexedPassage[count];
    StoredFields stored = searcher.storedFields();
    List<Integer> longOnes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      passages[i] = PassageDocuments.fromDocument(stored.document(docIds[i]));
      if (passages[i].passage().text().length() > PassageHighlighter.WHOLE_UP_TO_CHARS) {
        longOnes.add(i);
      }
    }
    String[] shown = new String[count];
    for (int i = 0; i < count; i++) {
      shown[i] = whole[i] != null ? whole[i].html() : null;
    }
    if (!longOnes.isEmpty()) {
      int[] longIds = longOnes.stream().mapToInt(i -> docIds[i]).toArray();
      Highlight[] excerpts = searcher.highlighter.excerpts(query, longIds);
      for (int j = 0; j < longIds.length; j++) {
        if (excerpts[j] != null) {
          shown[longOnes.get(j)] = excerpts[j].html();
        }
      }
    }
    List<Hit> hits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Passage passage = passages[i].passage();
      float score =
          ranked[offset + i] instanceof FieldDoc field && field.fields[0] instanceof Float sorted
              ? sorted
              : ranked[offset + i].score;
      hits.add(
          new Hit(
              passage.id(),
              passage.doc(),
              passages[i].title(),
              passages[i].source().id(),
              passage.kind().id(),
              passage.paragraph(),
              passage.section(),
              score,
              passage.text(),
              shown[i] != null ? shown[i] : escape(passage.text()),
              whole[i] != null ? whole[i].matches() : List.of(),
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
