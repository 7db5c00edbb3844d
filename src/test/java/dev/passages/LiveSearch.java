package dev.passages;

import dev.passages.comments.CommentBoard;
import dev.passages.embedding.EmbeddingModel;
import dev.passages.index.CorpusIndex;
import dev.passages.index.VectorFill;
import dev.passages.lucene.LuceneEngine;
import dev.passages.lucene.LuceneWriter;
import dev.passages.search.PassageSearch;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An index kept in line with a corpus and the search over it, wired as {@code passages serve} wires
 * them for the embedded engine: every update is searchable when it returns.
 */
public record LiveSearch(CorpusIndex index, PassageSearch search) implements Closeable {

  /**
   * The corpus indexed into {@code indexDir} (brought up to date), searched without kept answers.
   */
  public static LiveSearch open(Path corpus, Path indexDir) throws IOException {
    return open(corpus, indexDir, 0);
  }

  /** As {@link #open(Path, Path)}, keeping up to {@code keptResults} answers as serve does. */
  public static LiveSearch open(Path corpus, Path indexDir, int keptResults) throws IOException {
    return open(corpus, indexDir, keptResults, EmbeddingModel.off());
  }

  /**
   * The corpus indexed and every passage given its vector, searched by words and meaning as serve
   * searches with {@code --semantic on} (the model shared by every test of the run).
   */
  public static LiveSearch withMeaning(Path corpus, Path indexDir) throws IOException {
    LiveSearch live = open(corpus, indexDir, 0, TestModel.shared());
    live.embed();
    return live;
  }

  private static LiveSearch open(Path corpus, Path indexDir, int keptResults, EmbeddingModel model)
      throws IOException {
    LuceneWriter writer = LuceneWriter.open(indexDir, false);
    CorpusIndex index = new CorpusIndex(corpus, writer);
    index.update();
    return new LiveSearch(index, new PassageSearch(LuceneEngine.live(writer), keptResults, model));
  }

  /** Gives every passage without a vector its vector; returns how many. */
  public long embed() throws IOException {
    return new VectorFill(index, TestModel.shared(), 2).runToEnd(p -> {});
  }

  /** A comment board over this index, as serve has. */
  public CommentBoard comments() {
    return new CommentBoard(index, search);
  }

  @Override
  public void close() throws IOException {
    try (index) {
      search.close();
    }
  }
}
