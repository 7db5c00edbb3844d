package dev.passages.index;

import dev.passages.corpus.Passage;
import dev.passages.corpus.PassageKind;
import dev.passages.corpus.Source;
import dev.passages.corpus.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/** The one place where our passages become Lucene documents and back. */
public final class PassageDocuments {

  private PassageDocuments() {}

  /** One Lucene document per passage of {@code document}, in reading order. */
  public static List<Document> toDocuments(SourceDocument document) {
    List<Document> documents = new ArrayList<>(document.passages().size());
    int ordinal = 0;
    for (Passage passage : document.passages()) {
      documents.add(
          toDocument(new IndexedPassage(passage, document.title(), document.source(), ordinal++)));
    }
    return documents;
  }

  static Document toDocument(IndexedPassage indexed) {
    Passage passage = indexed.passage();
    Document doc = new Document();
    doc.add(new StringField(Schema.ID, passage.id(), Field.Store.YES));
    doc.add(new StringField(Schema.DOC, passage.doc(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Schema.DOC, new BytesRef(passage.doc())));
    doc.add(new StringField(Schema.SOURCE, indexed.source().id(), Field.Store.YES));
    doc.add(new StringField(Schema.KIND, passage.kind().id(), Field.Store.YES));
    doc.add(new StoredField(Schema.NUMBER, passage.number()));
    doc.add(new StoredField(Schema.ORDINAL, indexed.ordinal()));
    doc.add(new NumericDocValuesField(Schema.ORDINAL, indexed.ordinal()));
    doc.add(new StoredField(Schema.TITLE, indexed.title()));
    if (passage.section() != null) {
      doc.add(new StoredField(Schema.SECTION, passage.section()));
    }
    doc.add(new Field(Schema.TEXT, passage.text(), Schema.STORED_TEXT));
    doc.add(new Field(Schema.TEXT_EXACT, passage.text(), Schema.UNSTORED_TEXT));
    return doc;
  }

  /** The passage stored in {@code doc}, a document written by {@link #toDocuments}. */
  public static IndexedPassage fromDocument(Document doc) {
    Passage passage =
        new Passage(
            doc.get(Schema.ID),
            doc.get(Schema.DOC),
            PassageKind.valueOf(doc.get(Schema.KIND).toUpperCase(Locale.ROOT)),
            doc.getField(Schema.NUMBER).numericValue().intValue(),
            doc.get(Schema.SECTION),
            doc.get(Schema.TEXT));
    Source source = Source.byId(doc.get(Schema.SOURCE)).orElseThrow();
    int ordinal = doc.getField(Schema.ORDINAL).numericValue().intValue();
    return new IndexedPassage(passage, doc.get(Schema.TITLE), source, ordinal);
  }
}
