package dev.passages.lucene;

import dev.passages.analysis.TextAnalysis;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * Field names and how each is analysed: the one schema shared by indexing, querying and
 * highlighting. A Lucene document is one passage.
 */
public final class Schema {

  /**
   * Bumped whenever analysis or fields change, so that an index built by an older program is
   * rebuilt instead of answering wrongly.
   */
  public static final int VERSION = 6;

  /** Passage id, {@code article#p7}: unique, stored, the update key. */
  public static final String ID = "id";

  /** Document id, {@code article}: filters and the document listing; sorted values for ties. */
  public static final String DOC = "doc";

  /** {@code article}, {@code commentary} or {@code comment}; also doc values, to count by. */
  public static final String SOURCE = "source";

  /** {@code title}, {@code heading} or {@code paragraph}. */
  public static final String KIND = "kind";

  /** Hash of the whole document's content, on its title passage: tells an update what changed. */
  public static final String HASH = "hash";

  /** The passage's number among its kind, stored. */
  public static final String NUMBER = "number";

  /** The passage's position in its document's reading order: the tie-break after score. */
  public static final String ORDINAL = "ordinal";

  /** The document's title, stored on every passage so a hit needs no second lookup. */
  public static final String TITLE = "title";

  /** The heading a paragraph stands under, stored. */
  public static final String SECTION = "section";

  /** Metadata of the passage's document, stored: who wrote it, when, where it was published. */
  public static final String AUTHOR = "author";

  public static final String DATE = "date";

  public static final String URL = "url";

  /** What the passage's document comments on ({@code article#p5} or {@code article}); indexed. */
  public static final String ABOUT = "about";

  /**
   * The document part of {@link #ABOUT} ({@code article}), indexed, to list a document's comments.
   */
  public static final String ABOUT_DOC = "about_doc";

  /** The passage text in the keyword view (stemmed, no stopwords); stored, offsets indexed. */
  public static final String TEXT = "text";

  /** The same text in the exact view (every word, unstemmed), for phrases and prefixes. */
  public static final String TEXT_EXACT = "text_exact";

  /**
   * A passage's weight in ranking, multiplied into its score: short passages (titles, headings)
   * would otherwise outrank the paragraphs a reader wants. Tuned on the relevance test set.
   */
  public static final String WEIGHT = "weight";

  /**
   * The passage's meaning as a unit vector of {@link dev.passages.embedding.Embedder#MODEL}, for
   * nearest-neighbour search (HNSW, dot product); filled in after the words are indexed.
   */
  public static final String VECTOR = "vector";

  /**
   * The model whose vector the passage has ({@link dev.passages.embedding.Embedder#MODEL}); absent
   * while it has none. Vector searches keep to passages of the current model, and passages without
   * it are the ones left to embed.
   */
  public static final String EMBEDDED = "embedded";

  /** The weight of titles and headings; paragraphs weigh 1. */
  public static final float SHORT_PASSAGE_WEIGHT = 0.6f;

  /** Keys of the commit user data. */
  public static final String COMMIT_SCHEMA = "schema";

  public static final String COMMIT_FINGERPRINT = "corpusFingerprint";

  /** Analyzer for every field: the keyword view by default, the exact view for its field. */
  public static final Analyzer ANALYZER =
      new PerFieldAnalyzerWrapper(TextAnalysis.keyword(), Map.of(TEXT_EXACT, TextAnalysis.exact()));

  /**
   * Stored text with offsets in the postings, which the highlighter reads instead of re-analysing.
   */
  static final FieldType STORED_TEXT = textType(true);

  /**
   * Like {@link #STORED_TEXT} but not stored: the exact view highlights through {@link #TEXT}. Its
   * offsets cost about a tenth of indexing time at a million paragraphs; without them, phrases are
   * marked by analysing each hit again, which made a phrase search over the seed article twice as
   * slow (46 against 87 µs). Searches outnumber indexing runs, so they stay.
   */
  static final FieldType UNSTORED_TEXT = textType(false);

  private Schema() {}

  private static FieldType textType(boolean stored) {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(stored);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }
}
