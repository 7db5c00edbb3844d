package dev.passages.lucene;

import dev.passages.corpus.Metadata;
import dev.passages.corpus.Passage;
import dev.passages.corpus.PassageKind;
import dev.passages.corpus.Source;
import dev.passages.corpus.SourceDocument;
import dev.passages.embedding.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** The one place where our passages become Lucene documents and back. */
public final class PassageDocuments {

  private PassageDocuments() {}

  /**
   * One Lucene document per passage of {@code document}, in reading order; the title passage
   * carries {@code hash}, the document's {@link dev.passages.index.ContentHash}.
   */
  static List<Document> toDocuments(SourceDocument document, String hash) {
    List<Document> documents = new ArrayList<>(document.passages().size());
    int ordinal = 0;
    for (Passage passage : document.passages()) {
      Document doc =
          toDocument(
              new IndexedPassage(
                  passage, document.title(), document.source(), ordinal++, document.metadata()));
      if (passage.kind() == PassageKind.TITLE) {
        doc.add(new StoredField(Schema.HASH, hash));
      }
      documents.add(doc);
    }
    return documents;
  }

  /**
   * {@code indexed} as a Lucene document with its {@code vector} (a unit vector of {@link
   * Embedder#MODEL}), and {@code hash} when it is a title.
   */
  static Document toDocument(IndexedPassage indexed, String hash, float[] vector) {
    Document doc = toDocument(indexed);
    if (hash != null) {
      doc.add(new StoredField(Schema.HASH, hash));
    }
    doc.add(new StringField(Schema.EMBEDDED, Embedder.MODEL, Field.Store.NO));
    if (vector != null && isUnit(vector)) {
      doc.add(new KnnFloatVectorField(Schema.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    return doc;
  }

  /**
   * Whether {@code vector} has length 1, as a dot-product index needs; a text of no words has 0.
   */
  private static boolean isUnit(float[] vector) {
    double norm = 0;
    for (float x : vector) {
      norm += x * x;
    }
    return Math.abs(norm - 1) < 1e-3;
  }

  static Document toDocument(IndexedPassage indexed) {
    Passage passage = indexed.passage();
    Document doc = new Document();
    doc.add(new StringField(Schema.ID, passage.id(), Field.Store.YES));
    doc.add(new StringField(Schema.DOC, passage.doc(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Schema.DOC, new BytesRef(passage.doc())));
    doc.add(new StringField(Schema.SOURCE, indexed.source().id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Schema.SOURCE, new BytesRef(indexed.source().id())));
    doc.add(new StringField(Schema.KIND, passage.kind().id(), Field.Store.YES));
    doc.add(new StoredField(Schema.NUMBER, passage.number()));
    doc.add(new StoredField(Schema.ORDINAL, indexed.ordinal()));
    doc.add(new NumericDocValuesField(Schema.ORDINAL, indexed.ordinal()));
    doc.add(
        new FloatDocValuesField(
            Schema.WEIGHT,
            passage.kind() == PassageKind.PARAGRAPH ? 1f : Schema.SHORT_PASSAGE_WEIGHT));
    doc.add(new StoredField(Schema.TITLE, indexed.title()));
    if (passage.section() != null) {
      doc.add(new StoredField(Schema.SECTION, passage.section()));
    }
    Metadata metadata = indexed.metadata();
    storeIfStated(doc, Schema.AUTHOR, metadata.author());
    storeIfStated(doc, Schema.DATE, metadata.date());
    storeIfStated(doc, Schema.URL, metadata.url());
    if (metadata.about() != null) {
      String about = metadata.about();
      int hash = about.indexOf('#');
      doc.add(new StringField(Schema.ABOUT, about, Field.Store.YES));
      doc.add(
          new StringField(
              Schema.ABOUT_DOC, hash < 0 ? about : about.substring(0, hash), Field.Store.NO));
    }
    doc.add(new Field(Schema.TEXT, passage.text(), Schema.STORED_TEXT));
    doc.add(new Field(Schema.TEXT_EXACT, passage.text(), Schema.UNSTORED_TEXT));
    return doc;
  }

  private static void storeIfStated(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new StoredField(field, value));
    }
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
    Metadata metadata =
        new Metadata(
            null,
            doc.get(Schema.AUTHOR),
            doc.get(Schema.DATE),
            doc.get(Schema.URL),
            doc.get(Schema.ABOUT));
    return new IndexedPassage(passage, doc.get(Schema.TITLE), source, ordinal, metadata);
  }
}
