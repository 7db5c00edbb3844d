package dev.passages;

import dev.passages.lucene.Indexer;
import dev.passages.lucene.LuceneEngine;
import dev.passages.search.PassageSearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seed article as a test fixture: copied into a fresh corpus folder per test class. */
public final class SeedCorpus {

  /** The project's own copy of the article, read from the working tree. */
  public static final Path ARTICLE = Path.of("corpus", "article.txt");

  private SeedCorpus() {}

  /** A corpus folder under {@code dir} holding the seed article; returns the folder. */
  public static Path copyTo(Path dir) {
    try {
      Path corpus = Files.createDirectories(dir.resolve("corpus"));
      Files.copy(ARTICLE, corpus.resolve("article.txt"));
      return corpus;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A corpus folder under {@code dir} holding the project's corpus as shipped: the seed article and
   * the two sample commentary files.
   */
  public static Path copyWithCommentary(Path dir) {
    Path corpus = copyTo(dir);
    try (var files = Files.list(ARTICLE.resolveSibling("commentary"))) {
      Path commentary = Files.createDirectories(corpus.resolve("commentary"));
      for (Path file : files.toList()) {
        Files.copy(file, commentary.resolve(file.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return corpus;
  }

  /** Writes {@code text} to {@code relativePath} in {@code corpus}, making folders as needed. */
  public static Path write(Path corpus, String relativePath, String text) {
    try {
      Path file = corpus.resolve(relativePath);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indexes {@code corpus} into {@code dir}/index from scratch and opens a search over it. */
  public static PassageSearch indexed(Path corpus, Path dir) {
    try {
      new Indexer(corpus, dir.resolve("index")).rebuild();
      return new PassageSearch(LuceneEngine.open(dir.resolve("index")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The article's text. */
  public static String articleText() {
    try {
      return Files.readString(ARTICLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
