package dev.passages.comments;

import dev.passages.corpus.Comment;
import dev.passages.corpus.CommentRejectedException;
import dev.passages.corpus.CommentStore;
import dev.passages.corpus.Source;
import dev.passages.index.CorpusIndex;
import dev.passages.search.CommentView;
import dev.passages.search.DocumentView;
import dev.passages.search.PassageSearch;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reader comments from posting to search: checks what a comment refers to, stores it durably in the
 * corpus, and updates the index (committed and refreshed, whatever the engine) before answering, so
 * a comment is searchable by the time its author sees it accepted.
 */
public final class CommentBoard {

  private final CommentStore store;
  private final CorpusIndex index;
  private final PassageSearch search;

  /**
   * Comments stored in {@code index}'s corpus, checked against and searched through {@code search}.
   */
  public CommentBoard(CorpusIndex index, PassageSearch search) {
    this.store = new CommentStore(index.corpus());
    this.index = index;
    this.search = search;
  }

  /**
   * Stores a comment on document {@code doc}, optionally answering paragraph {@code paragraph}.
   *
   * @throws CommentRejectedException naming the field, when the document or paragraph is unknown or
   *     a field breaks its bounds
   */
  public Comment post(String doc, Integer paragraph, String author, String text)
      throws IOException {
    if (doc == null || doc.isBlank()) {
      throw new CommentRejectedException("doc", "doc is required");
    }
    DocumentView document =
        search
            .document(doc)
            .filter(d -> !d.source().equals(Source.COMMENT.id()))
            .orElseThrow(
                () ->
                    new CommentRejectedException(
                        "doc",
                        "doc must be the id of an article or commentary, got '" + doc + "'"));
    if (paragraph != null) {
      long paragraphs = document.passages().stream().filter(p -> p.paragraph() != null).count();
      boolean known =
          document.passages().stream().anyMatch(p -> Objects.equals(p.paragraph(), paragraph));
      if (!known) {
        throw new CommentRejectedException(
            "paragraph",
            "paragraph must be between 1 and " + paragraphs + " for " + doc + ", got " + paragraph);
      }
    }
    Comment comment = store.add(doc, paragraph, author, text);
    // This file only: a full update would also read files others are writing at this moment.
    index.updateFile(comment.path());
    return comment;
  }

  /** Deletes comment {@code id} from the corpus and the index; false when there is none. */
  public boolean delete(String id) throws IOException {
    if (!store.delete(id)) {
      return false;
    }
    index.updateFile(CommentStore.FOLDER + "/" + id + ".txt");
    return true;
  }

  /** The comments on document {@code doc}, oldest first; empty when the document is unknown. */
  public Optional<List<CommentView>> on(String doc) {
    if (!search.exists(doc)) {
      return Optional.empty();
    }
    return Optional.of(search.commentsOn(doc));
  }
}
