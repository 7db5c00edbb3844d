package dev.passages.search;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/**
 * The reading side of a search engine: what {@link PassageSearch} asks of whatever stores the
 * passages (an embedded Lucene index, an OpenSearch cluster). It finds and marks; {@link
 * PassageSearch} decides how to answer (as typed, corrected or relaxed), explains and keeps
 * answers.
 *
 * <p>The highlighting contract: every {@link Hit} an engine returns carries the whole passage text,
 * {@code highlight} as that text (or, for a long passage, its best windows with "…") with every
 * character HTML-escaped and the matches in {@code <mark>}, a quoted phrase as one mark, and {@code
 * matches} as the {@code [start, end)} UTF-16 offsets of every match in the text; {@code explain}
 * is left empty. Two engines over the same passages give the same hits, marks and offsets.
 *
 * <p>Implementations are thread-safe. They throw {@link InvalidRequestException} for a query they
 * cannot run as asked (one that expands to too many terms).
 */
public interface EngineReader extends Closeable {

  /**
   * A number that changes whenever what is searchable changes, so that kept answers are never
   * served after a change. Read it before searching: an answer kept under an older version is only
   * ever missed, never served stale.
   */
  long version();

  /** The page and counts of {@code query}'s matches. */
  EnginePage find(EngineQuery query);

  /**
   * {@code typed} with its misspelled words corrected from the index's own vocabulary, syntax kept;
   * empty when no word needed correcting or none could be.
   */
  Optional<Correction> correct(String typed);

  /** Completions of the last word, and of the last two words as a phrase, of the request's text. */
  List<Completion> complete(CompletionRequest request);

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
