package dev.passages.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.LiveSearch;
import dev.passages.SeedCorpus;
import dev.passages.TestModel;
import dev.passages.embedding.EmbeddingModel;
import dev.passages.lucene.Indexer;
import dev.passages.search.SearchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passages get their vectors after their words are indexed, and only changed ones again. */
class VectorFillTest {

  @TempDir Path dir;

  @Test
  void everyPassageGetsAVectorAndOnlyChangedOnesAreEmbeddedAgain() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    SeedCorpus.write(corpus, "commentary/note.txt", "A note\nFirst thought.\nSecond thought.\n");
    try (LiveSearch live = LiveSearch.withMeaning(corpus, dir.resolve("index"))) {
      CorpusIndex index = live.index();
      VectorCounts counts = index.vectorCounts();
      assertThat(counts.passages()).isEqualTo(18);
      assertThat(counts.pending()).isZero();

      SeedCorpus.write(corpus, "commentary/note.txt", "A note\nFirst thought.\nThird thought.\n");
      index.update();
      // The whole document is replaced, so its three passages wait; the article's keep theirs.
      assertThat(index.vectorCounts().pending()).isEqualTo(3);
      assertThat(live.embed()).isEqualTo(3);
      assertThat(index.vectorCounts().pending()).isZero();
    }
  }

  @Test
  void aVectorMadeForTextThatChangedMeanwhileIsNotStored() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    SeedCorpus.write(corpus, "commentary/note.txt", "A note\nThe old words.\n");
    try (LiveSearch live = LiveSearch.open(corpus, dir.resolve("index"))) {
      CorpusIndex index = live.index();
      List<PassageText> pending = index.withoutVectors(100);
      PassageText old =
          pending.stream()
              .filter(p -> p.id().equals("commentary/note#p1"))
              .findFirst()
              .orElseThrow();
      float[] vector = TestModel.shared().now().orElseThrow().embed(old.text());

      SeedCorpus.write(corpus, "commentary/note.txt", "A note\nThe new words.\n");
      index.update();
      assertThat(index.putVectors(List.of(new PassageVector(old.id(), old.text(), vector))))
          .as("the passage has new text: the old text's vector is not stored")
          .isZero();
      assertThat(index.withoutVectors(100))
          .filteredOn(p -> p.id().equals("commentary/note#p1"))
          .singleElement()
          .extracting(PassageText::text)
          .isEqualTo("The new words.");
    }
  }

  @Test
  void vectorsSurviveARestartAndTheFillResumesWhereItStopped() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    Path indexDir = dir.resolve("index");
    try (LiveSearch live = LiveSearch.open(corpus, indexDir)) {
      CorpusIndex index = live.index();
      List<PassageText> some = index.withoutVectors(5);
      var embedder = TestModel.shared().now().orElseThrow();
      index.putVectors(
          some.stream()
              .map(p -> new PassageVector(p.id(), p.text(), embedder.embed(p.text())))
              .toList());
      index.commit();
      assertThat(index.vectorCounts().embedded()).isEqualTo(5);
    }
    try (LiveSearch again = LiveSearch.open(corpus, indexDir)) {
      assertThat(again.index().vectorCounts().embedded()).as("kept by the commit").isEqualTo(5);
      assertThat(again.embed()).isEqualTo(again.index().vectorCounts().passages() - 5);
    }
  }

  @Test
  void aRunEmbedsEveryPassageOnAnyNumberOfThreadsAndCommitsThem() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    Path indexDir = dir.resolve("index");
    try (LiveSearch live = LiveSearch.open(corpus, indexDir)) {
      // More threads than passages in a batch of one thread.
      VectorFill fill = new VectorFill(live.index(), TestModel.shared(), 20);
      assertThat(fill.progress()).isEqualTo(VectorProgress.NOT_STARTED);

      long start = System.nanoTime();
      assertThat(fill.runToEnd(p -> {})).isEqualTo(15);
      double seconds = (System.nanoTime() - start) / 1e9;

      assertThat(fill.progress().embedded()).isEqualTo(15);
      assertThat(fill.progress().passages()).isEqualTo(15);
      assertThat(fill.progress().perSecond())
          .as("15 passages in no more time than the call took")
          .isGreaterThanOrEqualTo(15 / seconds);
      assertThat(new Indexer(corpus, indexDir).pendingVectors())
          .as("committed: read from the folder while the writer is open")
          .isZero();
      assertThat(fill.runToEnd(p -> {})).as("nothing left").isZero();
    }
  }

  @Test
  void aSmallIndexIsOneSegmentAgainOnceEveryPassageHasItsVector() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    StringBuilder notes = new StringBuilder("Notes\n");
    for (int i = 1; i <= 12; i++) {
      notes.append("Thought number ").append(i).append(".\n");
    }
    SeedCorpus.write(corpus, "commentary/notes.txt", notes.toString());
    Path indexDir = dir.resolve("index");
    try (LiveSearch live = LiveSearch.open(corpus, indexDir)) {
      long passages = live.index().vectorCounts().passages();
      assertThat(passages).as("more than one batch").isBetween(17L, 32L);
      // One thread: the passages go in two batches, each rewritten into a segment of its own, which
      // Lucene's merge policy leaves apart: two small segments without deletions.
      VectorFill fill = new VectorFill(live.index(), TestModel.shared(), 1);
      assertThat(fill.runToEnd(p -> {})).isEqualTo(passages);

      assertThat(committedSegments(indexDir)).as("merged and committed").isEqualTo(1);
      assertThat(live.index().vectorCounts()).isEqualTo(new VectorCounts(passages, passages));
      assertThat(live.search().search(SearchRequest.of("uranium")).total()).isEqualTo(1);
    }
  }

  @Test
  void theFirstRunJoinsAnIndexLeftInPiecesEvenWithNothingToEmbed() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    Path indexDir = dir.resolve("index");
    try (LiveSearch live = LiveSearch.open(corpus, indexDir)) {
      embedInTwoBatches(live.index(), indexDir);

      assertThat(new VectorFill(live.index(), TestModel.shared(), 1).runToEnd(p -> {})).isZero();

      assertThat(committedSegments(indexDir)).isEqualTo(1);
    }
  }

  @Test
  void theBackgroundFillJoinsAnIndexLeftInPiecesOnceStarted() throws Exception {
    Path corpus = SeedCorpus.copyTo(dir);
    Path indexDir = dir.resolve("index");
    try (LiveSearch live = LiveSearch.open(corpus, indexDir)) {
      embedInTwoBatches(live.index(), indexDir);

      try (VectorFill fill = new VectorFill(live.index(), TestModel.shared(), 1)) {
        fill.start(line -> {});
        waitUntil(() -> committedSegmentsUnchecked(indexDir) == 1);
      }
    }
  }

  /** Every passage given its vector in two batches, as the fill of an earlier build left them. */
  private static void embedInTwoBatches(CorpusIndex index, Path indexDir) throws IOException {
    var embedder = TestModel.shared().now().orElseThrow();
    for (int batch = 0; batch < 2; batch++) {
      index.putVectors(
          index.withoutVectors(10).stream()
              .map(p -> new PassageVector(p.id(), p.text(), embedder.embed(p.text())))
              .toList());
    }
    index.commit();
    assertThat(index.vectorCounts().pending()).isZero();
    assertThat(committedSegments(indexDir)).as("in pieces").isGreaterThan(1);
  }

  private static int committedSegmentsUnchecked(Path indexDir) {
    try {
      return committedSegments(indexDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int committedSegments(Path indexDir) throws IOException {
    try (Directory folder = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(folder)) {
      return reader.leaves().size();
    }
  }

  @Test
  void aRunWithoutAModelEmbedsNothing() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    try (LiveSearch live = LiveSearch.open(corpus, dir.resolve("index"))) {
      VectorFill fill = new VectorFill(live.index(), EmbeddingModel.off(), 2);
      assertThat(fill.runToEnd(p -> {})).isZero();
      assertThat(live.index().vectorCounts()).isEqualTo(new VectorCounts(0, 15));
    }
  }

  /** Longer than any run here: nothing is due before the run ends. */
  private static final long AN_HOUR = 3_600_000_000_000L;

  @Test
  void aRunCommitsAndReportsAfterEachBatchOnceTheirTimeHasCome() throws IOException {
    // Intervals of 0: due after every batch (16 passages on one thread: 16, then 18).
    Run every = fillOnce(dir.resolve("every"), 0, 0);
    assertThat(every.reported()).containsExactly(16L, 18L);
    assertThat(every.committedAtReports())
        .as("committed before each report")
        .containsExactly(16L, 18L);

    // Commits not due: what a crash loses is at most the last interval's work, not more.
    Run rarely = fillOnce(dir.resolve("rarely"), AN_HOUR, 0);
    assertThat(rarely.committedAtReports()).containsExactly(0L, 0L);
    assertThat(rarely.committedAtEnd()).as("the end of a run commits").isEqualTo(18);

    Run quiet = fillOnce(dir.resolve("quiet"), 0, AN_HOUR);
    assertThat(quiet.reported()).isEmpty();
    assertThat(quiet.committedAtEnd()).isEqualTo(18);
  }

  /** What one run told, and what the folder held (committed vectors) at each report and after. */
  private record Run(List<Long> reported, List<Long> committedAtReports, long committedAtEnd) {}

  private static Run fillOnce(Path base, long commitEveryNanos, long reportEveryNanos)
      throws IOException {
    Path corpus = SeedCorpus.copyTo(base);
    SeedCorpus.write(corpus, "commentary/note.txt", "A note\nFirst thought.\nSecond thought.\n");
    Path indexDir = base.resolve("index");
    Indexer onDisk = new Indexer(corpus, indexDir);
    List<Long> reported = new ArrayList<>();
    List<Long> committed = new ArrayList<>();
    try (LiveSearch live = LiveSearch.open(corpus, indexDir)) {
      VectorFill fill =
          new VectorFill(live.index(), TestModel.shared(), 1, commitEveryNanos, reportEveryNanos);
      fill.runToEnd(
          p -> {
            reported.add(p.embedded());
            committed.add(embeddedOnDisk(onDisk, p.passages()));
          });
      return new Run(reported, committed, embeddedOnDisk(onDisk, 18));
    }
  }

  private static long embeddedOnDisk(Indexer onDisk, long passages) {
    try {
      return passages - onDisk.pendingVectors();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void closingTheBackgroundFillWaitsForItsBatchWhichIsCommitted() throws Exception {
    Path corpus = SeedCorpus.copyTo(dir);
    for (int i = 0; i < 100; i++) {
      SeedCorpus.write(
          corpus, "commentary/n" + i + ".txt", "Note " + i + "\nSteppe wind " + i + ".\n");
    }
    Path indexDir = dir.resolve("index");
    try (LiveSearch live = LiveSearch.open(corpus, indexDir)) {
      VectorFill fill = new VectorFill(live.index(), TestModel.shared(), 1);
      fill.start(line -> {});
      waitUntil(() -> fill.progress().embedded() > 0); // a run is under way

      fill.close();

      assertThat(Thread.getAllStackTraces().keySet())
          .as("stopped when close returned")
          .noneMatch(t -> t.getName().equals("vector-fill"));
      long embedded = live.index().vectorCounts().embedded();
      assertThat(embeddedOnDisk(new Indexer(corpus, indexDir), 215))
          .as("what it embedded is committed: a restart goes on from there")
          .isEqualTo(embedded);
    }
  }

  /** Matches the line the background fill says when it has embedded every passage. */
  private static final Pattern DONE =
      Pattern.compile(
          "Meaning-based search covers every passage: (\\d+) embedded in (\\d+\\.\\d) s");

  @Test
  void theBackgroundFillEmbedsNewPassagesAndSaysSoWhenThereWasMoreThanOne() throws Exception {
    // Said the same on every machine, as the other lines of serve are: not "0,4 s" in German.
    Locale locale = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      fillsAndSays();
    } finally {
      Locale.setDefault(locale);
    }
  }

  private void fillsAndSays() throws Exception {
    Path corpus = SeedCorpus.copyTo(dir);
    List<String> said = new CopyOnWriteArrayList<>();
    try (LiveSearch live = LiveSearch.open(corpus, dir.resolve("index"));
        VectorFill fill = new VectorFill(live.index(), TestModel.shared(), 2)) {
      CorpusIndex index = live.index();
      long started = System.nanoTime();
      fill.start(said::add);
      waitUntil(() -> said.size() == 1);
      double seconds = (System.nanoTime() - started) / 1e9;
      Matcher all = DONE.matcher(said.getFirst());
      assertThat(all.matches()).as(said.getFirst()).isTrue();
      assertThat(all.group(1)).isEqualTo("15");
      assertThat(Double.parseDouble(all.group(2))).isBetween(0.0, seconds + 0.05);

      // A document of one passage (a title alone) is embedded without a word.
      SeedCorpus.write(corpus, "commentary/title.txt", "Only a title\n");
      index.update();
      Thread filling = fillThread();
      // Embedded, and the fill is back to waiting for more: the next document is a run of its own.
      waitUntil(() -> pending(index) == 0 && filling.getState() == Thread.State.TIMED_WAITING);
      SeedCorpus.write(corpus, "commentary/two.txt", "Two\nPassages here.\n");
      index.update();
      waitUntil(() -> said.size() >= 2);

      assertThat(said).hasSize(2);
      Matcher two = DONE.matcher(said.get(1));
      assertThat(two.matches()).as(said.get(1)).isTrue();
      assertThat(two.group(1)).isEqualTo("2");
      waitUntil(() -> fill.progress().embedded() == 18);
      assertThat(fill.progress().passages()).isEqualTo(18);
    }
  }

  @Test
  void theBackgroundFillStopsByItselfWhenThereIsNoModel() throws Exception {
    Path corpus = SeedCorpus.copyTo(dir);
    List<String> said = new CopyOnWriteArrayList<>();
    try (LiveSearch live = LiveSearch.open(corpus, dir.resolve("index"));
        VectorFill fill = new VectorFill(live.index(), EmbeddingModel.off(), 2)) {
      fill.start(said::add);
      assertThat(fill.progress()).as("counted at start").isEqualTo(new VectorProgress(0, 15, 0));
      waitUntil(
          () ->
              Thread.getAllStackTraces().keySet().stream()
                  .noneMatch(t -> t.getName().equals("vector-fill")));
      assertThat(said).isEmpty();
      assertThat(live.index().vectorCounts().embedded()).isZero();
    }
  }

  @Test
  void theBackgroundFillWaitsForAModelStillLoadingAndStopsWhenClosed() throws Exception {
    Path corpus = SeedCorpus.copyTo(dir);
    EmbeddingModel loading = EmbeddingModel.deferred(); // never started: loading until closed
    try (LiveSearch live = LiveSearch.open(corpus, dir.resolve("index"))) {
      VectorFill fill = new VectorFill(live.index(), loading, 2);
      fill.start(line -> {});
      Thread filling = fillThread();
      // Waiting to look again, not gone: the model may still come.
      waitUntil(() -> filling.getState() == Thread.State.TIMED_WAITING);
      assertThat(filling.isAlive()).isTrue();

      fill.close();
      assertThat(filling.isAlive()).as("stopped when close returned").isFalse();
      assertThat(live.index().vectorCounts().embedded()).isZero();
    } finally {
      loading.close();
    }
  }

  @Test
  void theBackgroundFillStopsByItselfWhenTheModelItWaitedForFails() throws Exception {
    Path corpus = SeedCorpus.copyTo(dir);
    EmbeddingModel loading = EmbeddingModel.deferred();
    try (LiveSearch live = LiveSearch.open(corpus, dir.resolve("index"));
        VectorFill fill = new VectorFill(live.index(), loading, 2)) {
      fill.start(line -> {});
      Thread filling = fillThread();
      waitUntil(() -> filling.getState() == Thread.State.TIMED_WAITING);
      loading.close(); // closed before it loaded: it will never load
      waitUntil(() -> !filling.isAlive());
    }
  }

  private static long pending(CorpusIndex index) {
    try {
      return index.vectorCounts().pending();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The background fill's thread, while it runs (each test closes the one it starts). */
  private static Thread fillThread() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("vector-fill"))
        .findFirst()
        .orElseThrow();
  }

  /** Waits for {@code condition}; fails after ten seconds (embedding shares two cores). */
  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
