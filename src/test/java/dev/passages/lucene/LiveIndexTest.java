package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passages.SeedCorpus;
import dev.passages.corpus.Metadata;
import dev.passages.index.CorpusIndex;
import dev.passages.index.IndexLockedException;
import dev.passages.index.IndexProgress;
import dev.passages.index.IndexReport;
import dev.passages.index.IndexStatus;
import dev.passages.search.DocumentSummary;
import dev.passages.search.PassageSearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incremental indexing: only what changed is touched, and the counts say so. */
class LiveIndexTest {

  @TempDir Path dir;

  /** One file's front matter never stops a run: an impossible "about" is left out. */
  @Test
  void aCommentAboutSomethingNoIdCouldNameIsIndexedWithoutIt() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    String longest = "article#" + "p".repeat(Metadata.MAX_ABOUT_CHARS - 8);
    SeedCorpus.write(
        corpus, "comments/kept.txt", "---\nabout: " + longest + "\n---\nKept\n\nUranium one.\n");
    SeedCorpus.write(
        corpus,
        "comments/huge.txt",
        "---\nabout: " + "é".repeat(20_000) + "\n---\nHuge\n\nUranium two.\n");

    try (PassageSearch search = SeedCorpus.indexed(corpus, dir)) {
      assertThat(search.documents())
          .extracting(DocumentSummary::id)
          .contains("comments/kept", "comments/huge");
      assertThat(search.documents())
          .filteredOn(d -> d.id().startsWith("comments/"))
          .extracting(DocumentSummary::about)
          .containsExactlyInAnyOrder("article", null);
    }
  }

  @Test
  void updatesCountWhatWasAddedUpdatedRemovedAndLeftAlone() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    Path index = dir.resolve("index");
    Indexer indexer = new Indexer(corpus, index);

    IndexReport first = indexer.update();
    assertThat(counts(first)).containsExactly(1, 0, 0, 0);

    Path op = SeedCorpus.write(corpus, "commentary/op.txt", "An op-ed\nIt says things.\n");
    SeedCorpus.write(corpus, "commentary/other.txt", "Another\nIt says more.\n");
    assertThat(counts(indexer.update())).containsExactly(2, 0, 0, 1);

    Files.writeString(op, "An op-ed\nIt says other things now.\n");
    Files.delete(corpus.resolve("commentary/other.txt"));
    IndexReport third = indexer.update();
    assertThat(counts(third)).containsExactly(0, 1, 1, 1);
    assertThat(third.documents()).hasSize(2);

    assertThat(counts(indexer.update())).containsExactly(0, 0, 0, 2);
    assertThat(indexer.status()).isEqualTo(IndexStatus.FRESH);
  }

  @Test
  void aRebuildStartsAfresh() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    Indexer indexer = new Indexer(corpus, dir.resolve("index"));
    indexer.update();
    assertThat(counts(indexer.rebuild())).containsExactly(1, 0, 0, 0);
  }

  @Test
  void anIndexCurrentWithItsCorpusIsNotReadAgainAndOneFileUpdatesAreSettledAtClose()
      throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    Path index = dir.resolve("index");
    try (CorpusIndex live = Indexer.open(corpus, index, false)) {
      assertThat(live.updateIfChanged()).as("a new index reads the corpus").isPresent();
      assertThat(live.updateIfChanged()).as("nothing changed since its commit").isEmpty();
      SeedCorpus.write(corpus, "comments/c1.txt", "Re: uranium\nA comment.\n");
      live.updateFile("comments/c1.txt"); // as a posted comment: the stored fingerprint is stale
    }
    try (CorpusIndex again = Indexer.open(corpus, index, false)) {
      assertThat(again.updateIfChanged())
          .as("closing brought the commit's fingerprint up to date")
          .isEmpty();
      SeedCorpus.write(corpus, "commentary/new.txt", "New\nA new text.\n");
      assertThat(again.updateIfChanged()).hasValueSatisfying(r -> assertThat(r.added()).isOne());
    }
  }

  @Test
  void onlyOneWriterMayHoldAnIndex() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    Path index = dir.resolve("index");
    try (CorpusIndex live = Indexer.open(corpus, index, false)) {
      live.update();
      assertThatThrownBy(() -> new Indexer(corpus, index).update())
          .isInstanceOf(IndexLockedException.class)
          .hasMessageContaining("open for writing in another process");
    }
  }

  @Test
  void aStaleOrMissingIndexIsToldApart() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    Indexer indexer = new Indexer(corpus, dir.resolve("index"));
    assertThat(indexer.status()).isEqualTo(IndexStatus.MISSING);
    assertThat(indexer.updateIfStale()).isPresent();
    assertThat(indexer.updateIfStale()).isEmpty();
    SeedCorpus.write(corpus, "commentary/new.txt", "New\nText.\n");
    assertThat(indexer.status()).isEqualTo(IndexStatus.STALE);
  }

  @Test
  void manyFilesAreReadOnAllCoresAndEachIsCountedOnce() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    for (int i = 0; i < 300; i++) {
      SeedCorpus.write(
          corpus, "commentary/n" + i + ".txt", "Note " + i + "\nSteppe wind " + i + ".\n");
    }
    IndexReport report = new Indexer(corpus, dir.resolve("index")).update();
    assertThat(counts(report)).containsExactly(301, 0, 0, 0);
    assertThat(report.documents()).hasSize(301);
    assertThat(report.documents().getFirst().id()).isEqualTo("article");
    assertThat(report.passages()).isEqualTo(15 + 300 * 2);
  }

  @Test
  void progressSaysHowFarARunHasCome() {
    IndexProgress halfway = new IndexProgress(50, 100, 5_000, 10_000, 1_000, 2_000);
    assertThat(halfway.passagesPerSecond()).isEqualTo(500.0);
    assertThat(halfway.remainingMillis()).isEqualTo(2_000);
    IndexProgress bigFilesLeft = new IndexProgress(50, 100, 1_000, 10_000, 200, 2_000);
    assertThat(bigFilesLeft.remainingMillis()).as("by bytes, not files").isEqualTo(18_000);
    assertThat(new IndexProgress(0, 100, 0, 10_000, 0, 0).remainingMillis()).isEqualTo(-1);
  }

  private static int[] counts(IndexReport report) {
    return new int[] {report.added(), report.updated(), report.removed(), report.unchanged()};
  }
}
