package dev.passages.lucene;

import dev.passages.corpus.Metadata;
import dev.passages.corpus.Passage;
import dev.passages.corpus.PassageKind;
import dev.passages.corpus.Source;
import dev.passages.search.CommentView;
import dev.passages.search.DocumentView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** Reads whole documents, single paragraphs and comments back from the stored fields. */
public final class StoredPassages {

  /** Document id, then position in the document. */
  static final Sort READING_ORDER =
      new Sort(
          new SortField(Schema.DOC, SortField.Type.STRING),
          new SortField(Schema.ORDINAL, SortField.Type.INT));

  private StoredPassages() {}

  /** The reader comments on document {@code doc}, oldest first. */
  static List<CommentView> commentsOn(IndexSearcher searcher, String doc) throws IOException {
    Query comments =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.ABOUT_DOC, doc)), Occur.FILTER)
            .add(new TermQuery(new Term(Schema.SOURCE, Source.COMMENT.id())), Occur.FILTER)
            .build();
    int n = searcher.count(comments);
    if (n == 0) {
      return List.of();
    }
    StoredFields stored = searcher.storedFields();
    Map<String, List<IndexedPassage>> byComment = new LinkedHashMap<>();
    for (ScoreDoc hit : searcher.search(comments, n, READING_ORDER).scoreDocs) {
      IndexedPassage passage = PassageDocuments.fromDocument(stored.document(hit.doc));
      byComment.computeIfAbsent(passage.passage().doc(), k -> new ArrayList<>()).add(passage);
    }
    List<CommentView> views = new ArrayList<>();
    byComment.forEach((id, passages) -> views.add(commentView(id, passages)));
    return views;
  }

  /** Document {@code id} made of {@code passages}, in reading order; empty when there are none. */
  public static Optional<DocumentView> documentView(String id, List<IndexedPassage> passages) {
    if (passages.isEmpty()) {
      return Optional.empty();
    }
    List<DocumentView.PassageView> views = new ArrayList<>(passages.size());
    for (IndexedPassage indexed : passages) {
      Passage p = indexed.passage();
      views.add(
          new DocumentView.PassageView(
              p.id(),
              Passage.anchor(p.kind(), p.number()),
              p.kind().id(),
              p.paragraph(),
              p.section(),
              p.text()));
    }
    IndexedPassage first = passages.getFirst();
    return Optional.of(new DocumentView(id, first.title(), first.source().id(), views));
  }

  /** The comment made of {@code passages}, those of comment document {@code docId}. */
  public static CommentView commentView(String docId, List<IndexedPassage> passages) {
    Metadata metadata = passages.getFirst().metadata();
    String about = metadata.about();
    int hash = about.indexOf("#p");
    Integer paragraph = null;
    if (hash >= 0) {
      try {
        paragraph = Integer.valueOf(about.substring(hash + 2));
      } catch (NumberFormatException e) {
        paragraph = null; // "about" names a heading or the title: the comment is on the document
      }
    }
    String text =
        passages.stream()
            .filter(p -> p.passage().kind() != PassageKind.TITLE)
            .map(p -> p.passage().text())
            .collect(Collectors.joining("\n"));
    String id = docId.substring(docId.lastIndexOf('/') + 1);
    return new CommentView(
        id,
        hash >= 0 ? about.substring(0, hash) : about,
        paragraph,
        metadata.author(),
        metadata.date(),
        text);
  }

  static Optional<IndexedPassage> paragraph(IndexSearcher searcher, String doc, int number)
      throws IOException {
    String id = doc + "#" + Passage.anchor(PassageKind.PARAGRAPH, number);
    TopDocs top = searcher.search(new TermQuery(new Term(Schema.ID, id)), 1);
    if (top.scoreDocs.length == 0) {
      return Optional.empty();
    }
    return Optional.of(
        PassageDocuments.fromDocument(searcher.storedFields().document(top.scoreDocs[0].doc)));
  }

  static List<IndexedPassage> of(IndexSearcher searcher, String doc) throws IOException {
    Query passagesOf = new TermQuery(new Term(Schema.DOC, doc));
    int n = searcher.count(passagesOf);
    if (n == 0) {
      return List.of();
    }
    StoredFields stored = searcher.storedFields();
    List<IndexedPassage> passages = new ArrayList<>(n);
    for (ScoreDoc hit : searcher.search(passagesOf, n, READING_ORDER).scoreDocs) {
      passages.add(PassageDocuments.fromDocument(stored.document(hit.doc)));
    }
    return passages;
  }
}
