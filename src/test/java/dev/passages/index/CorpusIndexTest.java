package dev.passages.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.TestModel;
import dev.passages.corpus.Skip;
import dev.passages.corpus.Source;
import dev.passages.embedding.Embedder;
import dev.passages.lucene.Indexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One corpus kept in line with its index: what a one-file update reports and makes searchable, and
 * what a commit makes durable for a reader of the folder while the writer is still open.
 */
class CorpusIndexTest {

  @TempDir Path dir;

  Path corpus;
  Path indexDir;

  @BeforeEach
  void corpus() {
    corpus = SeedCorpus.copyTo(dir);
    indexDir = dir.resolve("index");
  }

  /** A one-file update and how long it took the caller. */
  private record Timed(IndexReport report, long callerMillis) {}

  private static Timed updateFile(CorpusIndex index, String relativePath) throws IOException {
    long start = System.nanoTime();
    IndexReport report = index.updateFile(relativePath);
    return new Timed(report, (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void aPostedFileIsReportedAsOneUpdatedDocumentAndIsSearchableAtOnce() throws IOException {
    try (CorpusIndex index = Indexer.open(corpus, indexDir, false)) {
      index.update();
      assertThat(index.corpus()).isEqualTo(corpus);
      long before = index.vectorCounts().passages();
      SeedCorpus.write(
          corpus, "comments/c1.txt", "Re: uranium\nA comment.\nAnd a second line of it.\n");

      Timed timed = updateFile(index, "comments/c1.txt");

      IndexReport report = timed.report();
      assertThat(report.documents())
          .containsExactly(new DocumentStats("comments/c1", Source.COMMENT, 3, List.of()));
      assertThat(List.of(report.added(), report.updated(), report.removed(), report.unchanged()))
          .containsExactly(0, 1, 0, 0);
      assertThat(report.problems()).isEmpty();
      assertThat(report.millis()).isBetween(0L, timed.callerMillis());
      assertThat(index.vectorCounts().passages()).as("searchable at once").isEqualTo(before + 3);
      assertThat(new Indexer(corpus, indexDir).pendingVectors())
          .as("committed at once: a crash after a posted comment loses none of it")
          .isEqualTo(before + 3);
    }
  }

  @Test
  void aFileGoneIsReportedAsRemovedAndItsPassagesLeave() throws IOException {
    try (CorpusIndex index = Indexer.open(corpus, indexDir, false)) {
      Path file = SeedCorpus.write(corpus, "comments/c1.txt", "Re: uranium\nA comment.\n");
      index.update();
      long before = index.vectorCounts().passages();
      Files.delete(file);

      IndexReport report = index.updateFile("comments/c1.txt");

      assertThat(report.documents()).isEmpty();
      assertThat(List.of(report.added(), report.updated(), report.removed(), report.unchanged()))
          .containsExactly(0, 0, 1, 0);
      assertThat(report.changedAnything()).isTrue();
      assertThat(index.vectorCounts().passages()).isEqualTo(before - 2);
    }
  }

  @Test
  void aFileThatBecameUnreadableIsReportedAndItsOldPassagesLeave() throws IOException {
    try (CorpusIndex index = Indexer.open(corpus, indexDir, false)) {
      Path file = SeedCorpus.write(corpus, "comments/c1.txt", "Re: uranium\nA comment.\n");
      index.update();
      long before = index.vectorCounts().passages();
      Files.write(file, new byte[] {'P', 'K', 3, 4, 0, 0});

      IndexReport report = index.updateFile("comments/c1.txt");

      assertThat(report.problems())
          .containsExactly(new Skip("comments/c1.txt", "binary file, not text", false));
      assertThat(report.removed()).isOne();
      assertThat(index.vectorCounts().passages()).isEqualTo(before - 2);
    }
  }

  @Test
  void anUpdateIsSearchableWhenItReturns() throws IOException {
    try (CorpusIndex index = Indexer.open(corpus, indexDir, false)) {
      index.update();
      SeedCorpus.write(corpus, "commentary/new.txt", "New\nA new text.\n");
      IndexReport report = index.update();
      assertThat(report.added()).isOne();
      assertThat(index.vectorCounts().passages()).isEqualTo(15 + 2);
      assertThat(index.withoutVectors(100)).hasSize(17);
      assertThat(index.withoutVectors(3)).as("at most as many as asked").hasSize(3);
    }
  }

  @Test
  void vectorsAreSearchableWhenStoredAndDurableOnlyOnceCommitted() throws IOException {
    Indexer onDisk = new Indexer(corpus, indexDir);
    try (CorpusIndex index = Indexer.open(corpus, indexDir, false)) {
      index.update();
      List<PassageVector> vectors = vectorsOf(index.withoutVectors(4));

      assertThat(index.putVectors(vectors)).isEqualTo(4);
      assertThat(index.vectorCounts()).as("searchable at once").isEqualTo(new VectorCounts(4, 15));
      assertThat(onDisk.pendingVectors()).as("not yet committed").isEqualTo(15);

      index.commit();
      assertThat(onDisk.pendingVectors()).as("committed, read by another reader").isEqualTo(11);
    }
  }

  @Test
  void vectorsLeftUncommittedAreCommittedByTheNextCheckForChanges() throws IOException {
    Indexer onDisk = new Indexer(corpus, indexDir);
    try (CorpusIndex index = Indexer.open(corpus, indexDir, false)) {
      index.update();
      index.putVectors(vectorsOf(index.withoutVectors(2)));

      // The corpus did not change, but the index did: the check must not skip the commit.
      assertThat(index.updateIfChanged())
          .hasValueSatisfying(report -> assertThat(report.changedAnything()).isFalse());
      assertThat(onDisk.pendingVectors()).isEqualTo(13);
      assertThat(index.updateIfChanged()).as("now nothing is left to do").isEmpty();
    }
  }

  private static List<PassageVector> vectorsOf(List<PassageText> passages) {
    Embedder embedder = TestModel.shared().now().orElseThrow();
    return passages.stream()
        .map(p -> new PassageVector(p.id(), p.text(), embedder.embed(p.text())))
        .toList();
  }
}
