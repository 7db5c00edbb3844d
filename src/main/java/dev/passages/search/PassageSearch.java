package dev.passages.search;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/**
 * The search boundary: everything above it (web, CLI) sees only these calls and our own records,
 * never how the index is stored. {@link LucenePassageSearch} answers from a Lucene index on disk; a
 * cluster-backed implementation can answer the same calls later.
 *
 * <p>Implementations are thread-safe.
 */
public interface PassageSearch extends Closeable {

  /**
   * The page of passages matching {@code request}, best first.
   *
   * @throws InvalidRequestException when the query cannot be run as asked (too many clauses)
   */
  SearchResult search(SearchRequest request);

  /**
   * Completions of the last word, and of the last two words as a phrase, of {@code typed}.
   *
   * @throws InvalidRequestException when {@code limit} is out of bounds or the text too long
   */
  Completions complete(String typed, int limit);

  /** Every indexed document, ordered by id. */
  List<DocumentSummary> documents();

  /** Whether a document with id {@code id} is indexed; cheaper than reading it. */
  boolean exists(String id);

  /** The document with id {@code id}, its passages in reading order; empty when unknown. */
  Optional<DocumentView> document(String id);

  /** Passages in the index. */
  int passageCount();

  /**
   * The commentary and comment passages that discuss paragraph {@code paragraph} of document {@code
   * doc}; empty when there is no such paragraph.
   */
  Optional<List<RelatedPassage>> related(String doc, int paragraph);

  /** How many related passages each paragraph of {@code doc} has, for those that have any. */
  List<RelatedCount> relatedCounts(String doc);

  /** The reader comments on document {@code doc}, oldest first. */
  List<CommentView> commentsOn(String doc);
}
