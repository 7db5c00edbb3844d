package dev.passages.comments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.LiveSearch;
import dev.passages.SeedCorpus;
import dev.passages.index.CorpusIndex;
import dev.passages.index.CorpusWatcher;
import dev.passages.index.IndexReport;
import dev.passages.search.PassageSearch;
import dev.passages.search.SearchRequest;
import dev.passages.search.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A served corpus stays searchable as files come, change and go, without a restart. */
class LiveSearchTest {

  @TempDir Path dir;

  Path corpus;
  LiveSearch live;
  CorpusIndex index;
  PassageSearch search;
  CorpusWatcher watcher;
  final CopyOnWriteArrayList<IndexReport> changes = new CopyOnWriteArrayList<>();

  @BeforeEach
  void serve() throws IOException {
    corpus = SeedCorpus.copyTo(dir);
    // Keeping answers as serve does: every wait below polls the same query until the index
    // changes, so a kept answer that outlived its index version would time the test out.
    live = LiveSearch.open(corpus, dir.resolve("index"), 64);
    index = live.index();
    search = live.search();
    watcher = new CorpusWatcher(corpus, index, changes::add);
  }

  @AfterEach
  void stop() throws IOException {
    watcher.close();
    live.close();
  }

  @Test
  void aFileAddedEditedAndDeletedWhileServingIsSeenWithinASecond() throws Exception {
    long written = System.nanoTime();
    Path file =
        SeedCorpus.write(
            corpus, "commentary/new/zeppelins.txt", "Airships\nZeppelins over the steppe.\n");
    double addedMs = waitUntil(() -> total("zeppelins") == 1, written);
    System.out.printf("file write to searchable: %.0f ms%n", addedMs);
    assertThat(addedMs).as("seen within a second").isLessThan(1_000);

    written = System.nanoTime();
    Files.writeString(file, "Airships\nBalloons over the steppe.\n");
    waitUntil(() -> total("balloons") == 1 && total("zeppelins") == 0, written);

    written = System.nanoTime();
    Files.delete(file);
    waitUntil(() -> total("balloons") == 0, written);
    waitUntil(() -> changes.stream().anyMatch(change -> change.removed() == 1), written);
  }

  @Test
  void anEditedFileIsReadAloneNotTheWholeCorpus() throws Exception {
    Path file = SeedCorpus.write(corpus, "commentary/steppe.txt", "Steppe\nQuokkas graze here.\n");
    waitUntil(() -> total("quokkas") == 1, System.nanoTime());
    changes.clear();
    Files.writeString(file, "Steppe\nWombats graze here.\n");
    waitUntil(() -> total("wombats") == 1 && total("quokkas") == 0, System.nanoTime());
    waitUntil(() -> !changes.isEmpty(), System.nanoTime());
    IndexReport change = changes.getFirst();
    assertThat(change.updated()).isEqualTo(1);
    assertThat(change.documents()).as("no other document was read").isEmpty();
  }

  @Test
  void aFileRenamedToAnotherFormatKeepsItsDocument() throws Exception {
    Path txt = SeedCorpus.write(corpus, "commentary/notes.txt", "Notes\nPlatypus sighted.\n");
    waitUntil(() -> total("platypus") == 1, System.nanoTime());
    Files.writeString(
        corpus.resolve("commentary/notes.md"), "# Notes\n\nPlatypus sighted twice.\n");
    Files.delete(txt);
    waitUntil(() -> total("twice") == 1, System.nanoTime());
    Thread.sleep(200); // let every event of the rename be applied
    assertThat(total("platypus")).isEqualTo(1);
  }

  @Test
  void searchesKeepAnsweringWhileTheIndexChanges() throws Exception {
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; i < 20; i++) {
                    SeedCorpus.write(
                        corpus,
                        "commentary/c" + i + ".txt",
                        "Note " + i + "\nUranium " + i + ".\n");
                  }
                });
    int answered = 0;
    long deadline = System.nanoTime() + 3_000_000_000L;
    while (System.nanoTime() < deadline && total("uranium") < 21) {
      assertThat(total("uranium")).isBetween(1L, 21L);
      answered++;
    }
    writer.join();
    waitUntil(() -> total("uranium") == 21, System.nanoTime());
    assertThat(answered).isPositive();
  }

  @Test
  void aRepeatedSearchIsAnsweredFromTheKeptAnswerUntilTheIndexChanges() throws Exception {
    SearchResult first = search.search(SearchRequest.of("uranium"));
    SearchResult again = search.search(SearchRequest.of("uranium"));
    assertThat(again.hits()).as("the kept answer").isSameAs(first.hits());
    assertThat(search.search(new SearchRequest("uranium", 5, 0, Set.of())).hits())
        .as("another page size is another request")
        .isNotSameAs(first.hits());

    String longParagraph = "Zebras cross the steppe. ".repeat(360) + "\n"; // 9,000 characters
    SeedCorpus.write(corpus, "commentary/zebras.txt", "Zebras\n" + longParagraph.repeat(4));
    waitUntil(() -> total("zebras") == 5, System.nanoTime());
    assertThat(search.search(SearchRequest.of("zebras")).hits())
        .as("36,000 characters of passages are too many to keep")
        .isNotSameAs(search.search(SearchRequest.of("zebras")).hits());

    SeedCorpus.write(corpus, "commentary/mine.txt", "Mines\nUranium from the steppe.\n");
    waitUntil(() -> total("uranium") == first.total() + 1, System.nanoTime());
    assertThat(search.search(SearchRequest.of("uranium")).hits()).hasSize((int) first.total() + 1);
  }

  private long total(String query) {
    return search.search(SearchRequest.of(query)).total();
  }

  /** Milliseconds from {@code since} until {@code condition} holds; fails after five seconds. */
  private static double waitUntil(BooleanSupplier condition, long since)
      throws InterruptedException {
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - since)
          .as("condition met within 5 s")
          .isLessThan(5_000_000_000L);
      Thread.sleep(5);
    }
    return (System.nanoTime() - since) / 1e6;
  }
}
