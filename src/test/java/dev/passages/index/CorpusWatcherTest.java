package dev.passages.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.LiveSearch;
import dev.passages.SeedCorpus;
import dev.passages.lucene.Indexer;
import dev.passages.search.SearchRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the watcher does with each kind of change to a served corpus: which files it reads, when it
 * reads everything, and what its periodic check catches that file events do not report.
 */
class CorpusWatcherTest {

  /** Longer than any test: the watcher then acts on file events alone. */
  private static final long EVENTS_ONLY = 3_600_000;

  /** Short, so that a test sees the periodic check within a fraction of a second. */
  private static final long QUICK_RESCAN = 100;

  @TempDir Path dir;

  Path corpus;
  LiveSearch live;
  CorpusWatcher watcher;
  final List<IndexReport> changes = new CopyOnWriteArrayList<>();
  final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  final Handler logged =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void corpus() throws IOException {
    corpus = SeedCorpus.copyTo(dir);
    // There from the start: a folder that appears makes the watcher read the whole corpus.
    Files.createDirectories(corpus.resolve("commentary"));
    Logger.getLogger(CorpusWatcher.class.getName()).addHandler(logged);
  }

  @AfterEach
  void stop() throws IOException {
    Logger.getLogger(CorpusWatcher.class.getName()).removeHandler(logged);
    try (LiveSearch served = live) {
      if (watcher != null) {
        watcher.close();
      }
    }
  }

  private void serve(long rescanMillis) throws IOException {
    live = LiveSearch.open(corpus, dir.resolve("index"));
    watcher = new CorpusWatcher(corpus, live.index(), changes::add, rescanMillis);
  }

  @Test
  void aFileWrittenAfterTheIndexWasUpdatedButBeforeTheWatcherStartedIsRead() throws Exception {
    live = LiveSearch.open(corpus, dir.resolve("index"));
    // Between serve's update and its watcher's start: no event will ever tell of it.
    SeedCorpus.write(corpus, "commentary/late.txt", "Late\nNarwhals surface.\n");
    watcher = new CorpusWatcher(corpus, live.index(), changes::add, QUICK_RESCAN);
    waitUntil(() -> total("narwhals") == 1 && !changes.isEmpty());
    assertThat(changes.getFirst().added()).isOne();
  }

  @Test
  void aWatcherOverAnIndexInLineWithTheCorpusFindsNothingToDo() throws Exception {
    serve(QUICK_RESCAN);
    Thread.sleep(5 * QUICK_RESCAN);
    assertThat(changes).isEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void hiddenFilesAreLeftOut() throws Exception {
    serve(EVENTS_ONLY);
    // Editors' swap files and comments being written start with a dot.
    SeedCorpus.write(corpus, "commentary/.draft.txt", "Draft\nZanzibar spice.\n");
    place("commentary/note.txt", "Note\nQuokkas graze.\n");
    waitUntil(() -> total("quokkas") == 1 && !changes.isEmpty());

    assertThat(total("zanzibar")).isZero();
    assertThat(changes.stream().mapToInt(IndexReport::updated).sum()).isOne();
  }

  @Test
  void aChangedFileOfAnotherFormatDoesNotMakeTheWholeCorpusBeRead() throws Exception {
    serve(EVENTS_ONLY);
    long written = System.nanoTime();
    SeedCorpus.write(corpus, "commentary/slides.pdf", "not indexed");
    SeedCorpus.write(corpus, "commentary/note.txt", "Note\nQuokkas graze.\n");
    waitUntil(() -> total("quokkas") == 1 && !changes.isEmpty());
    long sinceWritten = (System.nanoTime() - written) / 1_000_000;

    assertThat(changes).allSatisfy(change -> assertThat(change.documents()).isEmpty());
    assertThat(changes.getFirst().millis())
        .as("the time it took, within the time since the write")
        .isBetween(0L, sinceWritten);

    // The next change is told on its own: the files of the last one are not read again.
    int told = changes.size();
    place("commentary/other.txt", "Other\nWombats dig.\n");
    waitUntil(() -> total("wombats") == 1 && changes.size() > told);
    assertThat(changes.get(told).updated()).isOne();
  }

  @Test
  void aFolderMovedOutOfTheCorpusTakesItsDocumentsAlong() throws Exception {
    SeedCorpus.write(corpus, "commentary/sub/a.txt", "A\nWombats dig.\n");
    SeedCorpus.write(corpus, "commentary/sub/b.txt", "B\nWombats sleep.\n");
    serve(EVENTS_ONLY);
    assertThat(total("wombats")).isEqualTo(2);

    // One event, for the folder: nothing says which files went with it.
    Files.move(corpus.resolve("commentary/sub"), dir.resolve("moved-away"));
    waitUntil(() -> total("wombats") == 0 && !changes.isEmpty());

    IndexReport change = changes.getFirst();
    assertThat(change.removed()).isEqualTo(2);
    assertThat(change.documents()).extracting(DocumentStats::id).containsExactly("article");
  }

  @Test
  void aFolderMovedIntoTheCorpusIsReadAndThenWatched() throws Exception {
    serve(EVENTS_ONLY);
    SeedCorpus.write(dir, "incoming/deep/c.txt", "C\nPlatypus swims.\n");
    Files.move(dir.resolve("incoming"), corpus.resolve("commentary/incoming"));
    waitUntil(() -> total("platypus") == 1);

    SeedCorpus.write(corpus, "commentary/incoming/deep/c.txt", "C\nPlatypus dives.\n");
    waitUntil(() -> total("dives") == 1);
  }

  @Test
  void aSecondFileWithTheSameIdMakesTheWholeCorpusBeReadAndDoesNotReplaceTheFirst()
      throws Exception {
    SeedCorpus.write(corpus, "commentary/op.md", "# Op\n\nPlatypus sighted.\n");
    serve(EVENTS_ONLY);
    Indexer onDisk = new Indexer(corpus, dir.resolve("index"));

    // op.txt has op.md's id: only a full read, which commits the corpus fingerprint, keeps op.md
    // (the first by name) and reports op.txt.
    place("commentary/op.txt", "Op\nWombat sighted.\n");
    waitUntil(() -> status(onDisk) == IndexStatus.FRESH);
    assertThat(total("platypus")).isOne();
    assertThat(total("wombat")).isZero();
    assertThat(changes).as("nothing the index holds changed").isEmpty();

    // Done with: the next change reads its own file only.
    place("commentary/later.txt", "Later\nQuokkas graze.\n");
    waitUntil(() -> total("quokkas") == 1 && !changes.isEmpty());
    assertThat(changes.getFirst().documents()).isEmpty();
    assertThat(changes.getFirst().updated()).isOne();
  }

  @Test
  void aSecondFileWhoseExtensionDiffersOnlyInCaseIsASecondFileWithTheSameId() throws Exception {
    SeedCorpus.write(corpus, "commentary/notes.MD", "# Notes\n\nPlatypus sighted.\n");
    serve(EVENTS_ONLY);
    Indexer onDisk = new Indexer(corpus, dir.resolve("index"));

    // notes.md has the id of notes.MD, which comes first by name and stays the document.
    place("commentary/notes.md", "# Notes\n\nWombat sighted.\n");
    waitUntil(() -> status(onDisk) == IndexStatus.FRESH);
    assertThat(total("platypus")).isOne();
    assertThat(total("wombat")).isZero();
  }

  @Test
  void closingWhileAnUpdateWaitsLetsItFinishAndLeavesTheIndexWorking() throws Exception {
    serve(EVENTS_ONLY);
    CorpusIndex index = live.index();
    Thread watching =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("corpus-watcher") && t.isAlive())
            .findFirst()
            .orElseThrow();
    Thread closing;
    // Holding the index as another update (a posted comment, a batch of vectors) would: the
    // watcher's update of the new file waits for it while the server is being stopped.
    synchronized (index) {
      SeedCorpus.write(corpus, "commentary/note.txt", "Note\nQuokkas graze.\n");
      waitUntil(() -> watching.getState() == Thread.State.BLOCKED);
      closing = Thread.ofPlatform().start(this::closeWatcher);
      waitUntil(() -> closing.getState() == Thread.State.TIMED_WAITING || !closing.isAlive());
    }
    closing.join();
    assertThat(watching.isAlive()).as("stopped once its update was done").isFalse();
    assertThat(total("quokkas")).as("the waiting update was applied").isOne();

    SeedCorpus.write(corpus, "commentary/later.txt", "Later\nOtters play.\n");
    assertThat(index.update().added()).as("the index still takes updates").isOne();
    assertThat(total("otters")).isOne();
  }

  private void closeWatcher() {
    try {
      watcher.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void anEditTheFileSystemDoesNotReportIsCaughtByThePeriodicCheck() throws Exception {
    Path file = SeedCorpus.write(corpus, "commentary/linked.txt", "Linked\nOtters play.\n");
    // Written through a second name outside the corpus, the edit raises no event in it.
    Path outside = Files.createLink(dir.resolve("outside.txt"), file);
    serve(QUICK_RESCAN);
    Indexer onDisk = new Indexer(corpus, dir.resolve("index"));

    // Content that indexes the same: the check updates the index, but nothing is told.
    Files.writeString(outside, "Linked\nOtters play.\n\n\n");
    waitUntil(() -> status(onDisk) == IndexStatus.FRESH);
    assertThat(changes).isEmpty();

    Files.writeString(outside, "Linked\nOtters sleep.\n");
    waitUntil(() -> total("sleep") == 1 && !changes.isEmpty());
    IndexReport change = changes.getFirst();
    assertThat(change.updated()).isOne();
    assertThat(change.documents()).as("the whole corpus was read").hasSize(2);
  }

  @Test
  void aVanishedCorpusIsWarnedAboutAndWatchedForUntilItIsBack() throws Exception {
    serve(QUICK_RESCAN);
    Path away = dir.resolve("away");
    Files.move(corpus, away);
    waitUntil(() -> !warnings.isEmpty());
    assertThat(warnings.getFirst().getMessage())
        .startsWith("could not update the index from " + corpus.toAbsolutePath().normalize());

    Files.move(away, corpus);
    SeedCorpus.write(corpus, "commentary/back.txt", "Back\nOtters return.\n");
    waitUntil(() -> total("otters") == 1);
  }

  /**
   * Writes {@code text} to a hidden file and renames it to {@code relativePath}: one file event, so
   * the watcher sees the file in one piece however the machine schedules this thread.
   */
  private void place(String relativePath, String text) throws IOException {
    Path target = corpus.resolve(relativePath);
    Path hidden = target.resolveSibling("." + target.getFileName() + ".part");
    Files.writeString(hidden, text);
    Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE);
  }

  private long total(String query) {
    return live.search().search(SearchRequest.of(query)).total();
  }

  private static IndexStatus status(Indexer indexer) {
    try {
      return indexer.status();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for {@code condition}; fails after five seconds. */
  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition met within 5 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
