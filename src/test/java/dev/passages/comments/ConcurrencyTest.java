package dev.passages.comments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.LiveSearch;
import dev.passages.SeedCorpus;
import dev.passages.index.CorpusIndex;
import dev.passages.search.Hit;
import dev.passages.search.PassageSearch;
import dev.passages.search.SearchRequest;
import dev.passages.search.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight threads search while a document is rewritten over and over and comments are posted: no
 * search fails, none sees a document half old and half new, and no file handle is left behind.
 */
class ConcurrencyTest {

  static final int SEARCHERS = 8;
  static final int REWRITES = 60;
  static final int PARAGRAPHS = 6;

  @TempDir Path dir;

  @Test
  void searchesDuringUpdatesSeeWholeVersionsAndLeakNothing() throws Exception {
    Path corpus = SeedCorpus.copyTo(dir);
    Path flip = corpus.resolve("commentary/flip.txt");
    Files.createDirectories(flip.getParent());
    Files.writeString(flip, version(0));
    long handlesBefore;
    AtomicLong searches = new AtomicLong();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    try (LiveSearch live = LiveSearch.open(corpus, dir.resolve("index"))) {
      CorpusIndex index = live.index();
      PassageSearch search = live.search();
      {
        CommentBoard board = live.comments();
        search.search(SearchRequest.of("flip"));
        handlesBefore = openFiles();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(SEARCHERS + 1);
        for (int t = 0; t < SEARCHERS; t++) {
          pool.submit(
              () -> {
                while (!done.get()) {
                  try {
                    SearchResult result =
                        search.search(new SearchRequest("source:commentary", 100, 0, Set.of()));
                    Set<String> versions =
                        result.hits().stream()
                            .filter(
                                h ->
                                    h.doc().equals("commentary/flip")
                                        && h.kind().equals("paragraph"))
                            .map(ConcurrencyTest::versionOf)
                            .collect(Collectors.toSet());
                    if (versions.size() != 1) {
                      failures.add("torn document: versions " + versions);
                    }
                    search.search(SearchRequest.of("uranium OR comment"));
                    searches.incrementAndGet();
                  } catch (RuntimeException e) {
                    failures.add(e.toString());
                  }
                }
              });
        }
        Future<?> commenter =
            pool.submit(
                () -> {
                  for (int i = 0; i < 20 && !done.get(); i++) {
                    board.post("article", 1 + i % 13, "Reader " + i, "Comment number " + i + ".");
                  }
                  return null;
                });
        for (int v = 1; v <= REWRITES; v++) {
          Files.writeString(flip, version(v));
          index.update();
        }
        commenter.get(60, TimeUnit.SECONDS);
        done.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(search.search(SearchRequest.of("comment number")).allWords()).isEqualTo(20);
      }
    }
    System.gc();
    long handlesAfter = openFiles();
    System.out.printf(
        "concurrency: %d searches from %d threads over %d rewrites and 20 comments;"
            + " open files %d before, %d after closing%n",
        searches.get(), SEARCHERS, REWRITES, handlesBefore, handlesAfter);
    assertThat(failures).isEmpty();
    assertThat(searches.get()).isPositive();
    assertThat(handlesAfter).isLessThanOrEqualTo(handlesBefore);
  }

  /** Every paragraph of version {@code v} names it, so a mix of versions is easy to see. */
  private static String version(int v) {
    StringBuilder text = new StringBuilder("Flip\n");
    for (int p = 1; p <= PARAGRAPHS; p++) {
      text.append("Paragraph ").append(p).append(" of version v").append(v).append(".\n");
    }
    return text.toString();
  }

  private static String versionOf(Hit hit) {
    String text = hit.text();
    return text.substring(text.indexOf(" of version ") + 12, text.length() - 1);
  }

  /** This process's open file descriptors. */
  private static long openFiles() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }
}
