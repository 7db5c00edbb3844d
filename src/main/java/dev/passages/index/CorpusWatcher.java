package dev.passages.index;

import dev.passages.corpus.CorpusReader;
import dev.passages.corpus.DocumentParsers;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a {@link CorpusIndex} in line with its corpus folder while the server runs: file events
 * (inotify on Linux) trigger an update once the folder has been quiet for {@value #QUIET_MS} ms, so
 * a burst of writes costs one update. A fingerprint check every {@value #RESCAN_MS} ms catches what
 * events miss (an overflowed queue, a file system without events).
 */
public final class CorpusWatcher implements Closeable {

  static final long QUIET_MS = 50;
  static final long RESCAN_MS = 2_000;

  private static final Logger LOG = Logger.getLogger(CorpusWatcher.class.getName());

  private final Path corpus;
  private final CorpusIndex index;
  private final Consumer<IndexReport> afterChange;
  private final WatchService watcher;
  private final long rescanMillis;
  private final Thread thread;
  private String fingerprint;

  /** Files changed since the folder was last quiet, relative to the corpus; watcher thread only. */
  private final Set<String> changedFiles = new LinkedHashSet<>();

  private boolean needsFullUpdate;

  /**
   * Starts watching {@code corpus}; {@code afterChange} runs (on the watcher's thread) after each
   * update that changed the index (already searchable), typically to report it.
   */
  public CorpusWatcher(Path corpus, CorpusIndex index, Consumer<IndexReport> afterChange)
      throws IOException {
    this(corpus, index, afterChange, RESCAN_MS);
  }

  /**
   * A watcher that checks the fingerprint every {@code rescanMillis}: tests make it short to see
   * the check at work, or long to see what file events alone do.
   */
  CorpusWatcher(
      Path corpus, CorpusIndex index, Consumer<IndexReport> afterChange, long rescanMillis)
      throws IOException {
    this.rescanMillis = rescanMillis;
    this.corpus = corpus.toAbsolutePath().normalize();
    this.index = index;
    this.afterChange = afterChange;
    this.watcher = FileSystems.getDefault().newWatchService();
    // What the index was last updated from, not the files as they are now: a file written since
    // (before this watcher's events were registered) differs from it, and the periodic check
    // reads it. Empty, none recorded: the first check brings the index in line.
    this.fingerprint = index.indexedFingerprint().orElse("");
    registerTree(this.corpus);
    this.thread = Thread.ofPlatform().daemon().name("corpus-watcher").start(this::run);
  }

  private void run() {
    long lastRescan = System.nanoTime();
    boolean dirty = false;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        WatchKey key = watcher.poll(dirty ? QUIET_MS : rescanMillis, TimeUnit.MILLISECONDS);
        if (key != null) {
          dirty = true;
          handle(key);
          continue; // wait until the folder is quiet
        }
        boolean rescanDue =
            System.nanoTime() - lastRescan > TimeUnit.MILLISECONDS.toNanos(rescanMillis);
        if (dirty) {
          dirty = false;
          applyChanges();
        } else if (rescanDue) {
          lastRescan = System.nanoTime();
          updateIfChanged();
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    }
  }

  /** Notes which files changed; anything it cannot pin to files asks for a full update. */
  private void handle(WatchKey key) {
    Path dir = (Path) key.watchable();
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        needsFullUpdate = true;
        continue;
      }
      Path path = dir.resolve((Path) event.context());
      String name = path.getFileName().toString();
      if (name.startsWith(".")) {
        continue; // hidden: editors' swap files, comments being written
      }
      if (Files.isDirectory(path) || !DocumentParsers.supports(extension(name))) {
        // A folder came or went (with files in it), or something else changed: read it all.
        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
          registerTreeQuietly(path);
        }
        needsFullUpdate |= Files.isDirectory(path) || extension(name).isEmpty();
        continue;
      }
      changedFiles.add(corpus.relativize(path).toString().replace('\\', '/'));
    }
    key.reset();
  }

  /**
   * Applies the changes seen since the folder went quiet: the changed files one by one (removals
   * first, so a file renamed to another extension keeps its document), or everything when the
   * events did not say enough.
   */
  private void applyChanges() {
    try {
      String now = new CorpusReader(corpus).fingerprint();
      if (needsFullUpdate || hasSiblingWithSameId()) {
        needsFullUpdate = false;
        changedFiles.clear();
        IndexReport report = index.update();
        fingerprint = now;
        if (report.changedAnything()) {
          afterChange.accept(report);
        }
        return;
      }
      List<String> files = new ArrayList<>(changedFiles);
      changedFiles.clear();
      files.sort(Comparator.comparing((String f) -> Files.exists(corpus.resolve(f))));
      int updated = 0;
      int removed = 0;
      long start = System.nanoTime();
      for (String file : files) {
        IndexReport one = index.updateFile(file);
        updated += one.updated();
        removed += one.removed();
      }
      fingerprint = now;
      if (!files.isEmpty()) {
        afterChange.accept(
            new IndexReport(
                List.of(),
                0,
                updated,
                removed,
                0,
                List.of(),
                (System.nanoTime() - start) / 1_000_000));
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING, "could not update the index from " + corpus + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether a changed file shares its id with another file it could be read as: op.md beside
   * op.html, or notes.MD beside notes.md (extensions are read in any case). Lists each folder of a
   * changed file once, however many of its files changed (a burst of comments is one folder).
   */
  private boolean hasSiblingWithSameId() throws IOException {
    Map<Path, List<Path>> changedByFolder = new HashMap<>();
    for (String file : changedFiles) {
      Path path = corpus.resolve(file);
      if (path.getParent() != null) {
        changedByFolder.computeIfAbsent(path.getParent(), f -> new ArrayList<>()).add(path);
      }
    }
    for (Map.Entry<Path, List<Path>> folder : changedByFolder.entrySet()) {
      if (!Files.isDirectory(folder.getKey())) {
        continue;
      }
      // The readable files there, by id.
      Map<String, List<Path>> byId = new HashMap<>();
      try (DirectoryStream<Path> files = Files.newDirectoryStream(folder.getKey())) {
        for (Path file : files) {
          String name = file.getFileName().toString();
          if (DocumentParsers.supports(extension(name))) {
            byId.computeIfAbsent(CorpusReader.idOf(name), id -> new ArrayList<>()).add(file);
          }
        }
      }
      for (Path changed : folder.getValue()) {
        List<Path> sameId =
            byId.getOrDefault(CorpusReader.idOf(changed.getFileName().toString()), List.of());
        if (sameId.stream().anyMatch(other -> !other.equals(changed))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot + 1) : "";
  }

  private void updateIfChanged() {
    try {
      String now = new CorpusReader(corpus).fingerprint();
      if (now.equals(fingerprint)) {
        return;
      }
      IndexReport report = index.update();
      fingerprint = now;
      if (report.changedAnything()) {
        afterChange.accept(report);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING, "could not update the index from " + corpus + ": " + e.getMessage(), e);
    }
  }

  private void registerTree(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
              throws IOException {
            dir.register(
                watcher,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private void registerTreeQuietly(Path root) {
    try {
      registerTree(root);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot watch " + root + "; the periodic check will see it", e);
    }
  }

  /**
   * Stops watching once the update under way, if any, is done. Never by interrupting the thread:
   * one interrupted while Lucene reads or writes closes the index's files under the writer, which
   * then takes no more updates (not even the last one when the index is closed).
   */
  @Override
  public void close() throws IOException {
    watcher.close(); // a poll under way, or the next one, throws ClosedWatchServiceException
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
