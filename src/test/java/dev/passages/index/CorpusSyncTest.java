package dev.passages.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.corpus.CorpusReader;
import dev.passages.corpus.Skip;
import dev.passages.lucene.LuceneWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole-corpus sync: what its report lists, in which order, and the progress it tells. */
class CorpusSyncTest {

  @TempDir Path dir;

  /** One run of {@link CorpusSync#apply} on a fresh writer, and how long it took the caller. */
  private record Run(IndexReport report, long callerMillis) {}

  private Run sync(Path corpus, Consumer<IndexProgress> progress, long reportEveryNanos)
      throws IOException {
    try (LuceneWriter writer = LuceneWriter.open(dir.resolve("index"), false)) {
      long start = System.nanoTime();
      IndexReport report =
          CorpusSync.apply(writer, new CorpusReader(corpus), progress, reportEveryNanos);
      return new Run(report, (System.nanoTime() - start) / 1_000_000);
    }
  }

  @Test
  void theReportListsDocumentsByIdAndProblemsByPathWhateverOrderTheyWereReadIn()
      throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    // The first file is large, so on more than one core the small ones are done before it.
    SeedCorpus.write(
        corpus, "a-long.txt", "A long one\n" + "Words of a long text.\n".repeat(20_000));
    for (int i = 0; i < 20; i++) {
      SeedCorpus.write(corpus, "b-note-%02d.txt".formatted(i), "Note " + i + "\nA thought.\n");
    }
    // Skipped while reading (binary) and while listing (format): listing comes first.
    Files.write(corpus.resolve("a-binary.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 0});
    SeedCorpus.write(corpus, "z-slides.pdf", "not indexed");

    IndexReport report = sync(corpus, p -> {}, Long.MAX_VALUE).report();

    assertThat(report.documents()).extracting(DocumentStats::id).isSorted().hasSize(21);
    assertThat(report.problems())
        .extracting(Skip::path)
        .containsExactly("a-binary.txt", "z-slides.pdf");
    assertThat(report.added()).isEqualTo(21);
  }

  @Test
  void progressTellsFilesBytesAndPassagesReadSoFar() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    long bytes = Files.size(corpus.resolve("article.txt"));
    List<IndexProgress> heard = new CopyOnWriteArrayList<>();

    // Reporting after any time at all: the one file gives one report, when it is read.
    Run run = sync(corpus, heard::add, 0);

    assertThat(heard).hasSize(1);
    IndexProgress progress = heard.getFirst();
    assertThat(progress.filesDone()).isEqualTo(1);
    assertThat(progress.files()).isEqualTo(1);
    assertThat(progress.bytesDone()).isEqualTo(bytes);
    assertThat(progress.bytes()).isEqualTo(bytes);
    assertThat(progress.passages()).isEqualTo(run.report().passages()).isEqualTo(15);
    assertThat(progress.millis()).isBetween(0L, run.callerMillis());
    assertThat(run.report().millis()).isBetween(progress.millis(), run.callerMillis());
  }

  @Test
  void progressOfManyFilesCountsAgainstTheWholeRun() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    for (int i = 0; i < 30; i++) {
      SeedCorpus.write(corpus, "commentary/n" + i + ".txt", "Note " + i + "\nSteppe wind.\n");
    }
    long bytes;
    try (var files = Files.walk(corpus)) {
      bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
    List<IndexProgress> heard = new CopyOnWriteArrayList<>();

    Run run = sync(corpus, heard::add, 0);

    // Threads race to report, so not every file is told; each report is about the whole run.
    assertThat(heard).isNotEmpty().hasSizeLessThanOrEqualTo(31);
    for (IndexProgress progress : heard) {
      assertThat(progress.files()).isEqualTo(31);
      assertThat(progress.bytes()).isEqualTo(bytes);
      assertThat(progress.filesDone()).isBetween(1, 31);
      assertThat(progress.bytesDone()).isBetween(1L, bytes);
      assertThat(progress.passages()).isBetween(2L, (long) run.report().passages());
    }
    assertThat(heard.stream().map(IndexProgress::filesDone).collect(Collectors.toSet()))
        .as("each report is of a later file")
        .hasSameSizeAs(heard);
  }

  @Test
  void aRunShorterThanTheReportingIntervalTellsNothing() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    List<IndexProgress> heard = new CopyOnWriteArrayList<>();
    // An hour: far longer than this run can take, so no report is due.
    sync(corpus, heard::add, 3_600_000_000_000L);
    assertThat(heard).isEmpty();
  }

  @Test
  void aSecondSyncCountsEveryDocumentOnceAndRemovesOnlyWhatIsGone() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    SeedCorpus.write(corpus, "commentary/kept.txt", "Kept\nStays as it is.\n");
    SeedCorpus.write(corpus, "commentary/gone.txt", "Gone\nWill be deleted.\n");
    SeedCorpus.write(corpus, "commentary/edited.txt", "Edited\nFirst version.\n");
    assertThat(sync(corpus, p -> {}, Long.MAX_VALUE).report().added()).isEqualTo(4);

    Files.delete(corpus.resolve("commentary/gone.txt"));
    SeedCorpus.write(corpus, "commentary/edited.txt", "Edited\nSecond version.\n");
    SeedCorpus.write(corpus, "commentary/new.txt", "New\nJust written.\n");
    IndexReport second = sync(corpus, p -> {}, Long.MAX_VALUE).report();

    assertThat(List.of(second.added(), second.updated(), second.removed(), second.unchanged()))
        .containsExactly(1, 1, 1, 2);
    assertThat(second.changedAnything()).isTrue();
    assertThat(second.documents())
        .extracting(DocumentStats::id)
        .containsExactly("article", "commentary/edited", "commentary/kept", "commentary/new");
    assertThat(second.passages()).isEqualTo(15 + 3 * 2);

    IndexReport third = sync(corpus, p -> {}, Long.MAX_VALUE).report();
    assertThat(third.changedAnything()).isFalse();
    assertThat(third.unchanged()).isEqualTo(4);
  }

  @Test
  void theThreadsOfARunAreEndedWhenItReturns() throws Exception {
    // A thread left running would keep the command-line tool from exiting.
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    Path corpus = SeedCorpus.copyTo(dir);
    sync(corpus, p -> {}, Long.MAX_VALUE);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!leftRunning(before).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(leftRunning(before)).isEmpty();
  }

  /** Pool threads (not daemons) started since {@code before} that are still alive. */
  private static List<Thread> leftRunning(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
        .filter(t -> t.getName().startsWith("pool-"))
        .toList();
  }
}
