package dev.passages.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.search.PassageSearch;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short run of bench/load.sh's load in the test suite: wrk on loopback against /api/search with
 * bench/queries.txt, twice. Zero errors and no heap growth from one run to the next are required;
 * the figures are printed, never asserted (the full 30 s run is bench/load.sh).
 */
class LoadSmokeTest {

  static final int SECONDS = 3;
  static final int CONNECTIONS = 32;
  static final Pattern RESULT =
      Pattern.compile("rps=(\\d+) p50_ms=([\\d.]+) p99_ms=([\\d.]+) errors=(\\d+) non2xx=(\\d+)");

  @TempDir static Path dir;

  static PassageSearch search;
  static Javalin app;

  @BeforeAll
  static void start() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    for (String sample : List.of("sample-domino.md", "sample-beijing.html")) {
      Files.createDirectories(corpus.resolve("commentary"));
      Files.copy(
          Path.of("corpus/commentary", sample), corpus.resolve("commentary").resolve(sample));
    }
    search = SeedCorpus.indexed(corpus, dir);
    app = WebServer.create(search).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws IOException {
    app.stop();
    search.close();
  }

  @Test
  void searchUnderLoadAnswersEveryRequestWithoutGrowingTheHeap() throws Exception {
    assertThat(Path.of("/usr/bin/wrk")).as("wrk (apt-get install wrk; .ci/run does)").exists();
    long[] heap = new long[2];
    for (int run = 0; run < 2; run++) {
      Matcher figures = RESULT.matcher(wrk("bench/search.lua", "/"));
      assertThat(figures.find()).isTrue();
      heap[run] = usedHeapAfterGc();
      System.out.printf(
          "load smoke run %d: /api/search %s req/s, p50 %s ms, p99 %s ms, %s errors; heap %d MB%n",
          run + 1,
          figures.group(1),
          figures.group(2),
          figures.group(3),
          figures.group(4),
          heap[run] >> 20);
      assertThat(figures.group(4)).as("errors").isEqualTo("0");
      assertThat(figures.group(5)).as("non-2xx answers").isEqualTo("0");
    }
    Matcher floor = RESULT.matcher(wrk("bench/health.lua", "/health"));
    assertThat(floor.find()).isTrue();
    System.out.printf(
        "load smoke floor: /health %s req/s, p50 %s ms%n", floor.group(1), floor.group(2));
    assertThat(heap[1]).as("heap after the second run").isLessThan(heap[0] + (32L << 20));
  }

  private static String wrk(String script, String path) throws IOException, InterruptedException {
    Process wrk =
        new ProcessBuilder(
                "wrk",
                "-t2",
                "-c" + CONNECTIONS,
                "-d" + SECONDS + "s",
                "-s",
                script,
                "http://127.0.0.1:" + app.port() + path)
            .redirectErrorStream(true)
            .start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(wrk.waitFor(SECONDS + 30, TimeUnit.SECONDS)).isTrue();
    return output;
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
