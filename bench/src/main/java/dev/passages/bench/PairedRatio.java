package dev.passages.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link SearchBenchmark}'s two sides, our search and bare Lucene, measured in turn in one JVM on
 * one thread: blocks of whole passes over the query list (about {@value #BLOCK_MILLIS} ms each),
 * the two sides alternating, which goes first swapped at every pair.
 *
 * <p>Why: this machine's speed drifts by a fifth within minutes, and JMH measures each side in its
 * own fork, minutes apart, so the ratio of two forks carries that drift (a million passages, the
 * same build three times: 1.01, 1.20 and 1.32 ×). Blocks a tenth of a second apart see the same
 * machine. Reported: each side's mean and percentiles over all its calls, their ratios, and the
 * spread of the ratio block pair by block pair.
 *
 * <p>Usage, from the repository root: {@code java --add-modules jdk.incubator.vector -Xmx1g -cp
 * target/benchmarks.jar dev.passages.bench.PairedRatio [corpus [kind [seconds]]]}, with {@code
 * corpus} and {@code kind} as {@link SearchBenchmark}'s parameters (default {@code seed keyword
 * 60}); a warm-up of a third as long, at least 10 s, comes first and is not counted.
 */
public final class PairedRatio {

  private static final long BLOCK_MILLIS = 100;

  private PairedRatio() {}

  /** One side's call latencies, in nanoseconds, and its mean per block. */
  private static final class Side {
    private final String name;
    private final Call call;
    private long[] nanos = new long[1 << 16];
    private int calls;
    private double[] blockMeans = new double[1 << 10];
    private int blocks;

    Side(String name, Call call) {
      this.name = name;
      this.call = call;
    }

    /**
     * Whole passes over the {@code queries} until a block's time is spent; kept if {@code kept}.
     */
    long block(int queries, boolean kept) throws IOException {
      long sink = 0;
      long start = System.nanoTime();
      long end = start + BLOCK_MILLIS * 1_000_000;
      long spent = 0;
      int made = 0;
      long now = start;
      while (now < end) {
        for (int i = 0; i < queries; i++) {
          long before = System.nanoTime();
          sink += call.run(i);
          now = System.nanoTime();
          if (kept) {
            record(now - before);
          }
          spent += now - before;
          made++;
        }
      }
      if (kept) {
        if (blocks == blockMeans.length) {
          blockMeans = Arrays.copyOf(blockMeans, blocks * 2);
        }
        blockMeans[blocks++] = (double) spent / made;
      }
      return sink;
    }

    private void record(long latency) {
      if (calls == nanos.length) {
        nanos = Arrays.copyOf(nanos, calls * 2);
      }
      nanos[calls++] = latency;
    }

    long[] sorted() {
      long[] all = Arrays.copyOf(nanos, calls);
      Arrays.sort(all);
      return all;
    }

    double mean() {
      long sum = 0;
      for (int i = 0; i < calls; i++) {
        sum += nanos[i];
      }
      return (double) sum / calls;
    }
  }

  /** One call of a side for query {@code i}; returns something of its result, to keep it alive. */
  @FunctionalInterface
  private interface Call {
    long run(int i) throws IOException;
  }

  public static void main(String[] args) throws IOException {
    String corpus = args.length > 0 ? args[0] : "seed";
    String kind = args.length > 1 ? args[1] : "keyword";
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    SearchBenchmark bench = new SearchBenchmark();
    bench.corpus = corpus;
    bench.kind = kind;
    bench.setUp();
    try {
      Side ours = new Side("passages", i -> bench.passages(i).hits().size());
      Side bare = new Side("bareLucene", i -> bench.bareLucene(i).length);
      int queries = bench.queryCount();
      long sink = 0;
      int warmUpSeconds = Math.max(10, seconds / 3);
      sink += alternate(bare, ours, queries, warmUpSeconds, false);
      sink += alternate(bare, ours, queries, seconds, true);
      report(corpus, kind, queries, seconds, warmUpSeconds, bare, ours);
      if (sink == 42) {
        System.out.println(); // the results were used
      }
    } finally {
      bench.tearDown();
    }
  }

  /** Pairs of blocks, the first side swapped at every pair, for {@code seconds}. */
  private static long alternate(Side a, Side b, int queries, int seconds, boolean kept)
      throws IOException {
    long sink = 0;
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    boolean aFirst = true;
    while (System.nanoTime() < end) {
      Side first = aFirst ? a : b;
      Side second = aFirst ? b : a;
      sink += first.block(queries, kept);
      sink += second.block(queries, kept);
      aFirst = !aFirst;
    }
    return sink;
  }

  private static void report(
      String corpus, String kind, int queries, int seconds, int warmUp, Side bare, Side ours) {
    System.out.printf(
        Locale.ROOT,
        "%n%s, %s (%d queries): %d s measured in %d pairs of ~%d ms blocks, after %d s of"
            + " warm-up%n",
        corpus,
        kind,
        queries,
        seconds,
        Math.min(bare.blocks, ours.blocks),
        BLOCK_MILLIS,
        warmUp);
    Side[] sides = {bare, ours};
    long[][] sorted = {bare.sorted(), ours.sorted()};
    double[] quantiles = {0.5, 0.9, 0.99, 0.999};
    System.out.printf(
        Locale.ROOT,
        "%-11s %9s %9s %9s %9s %9s %10s%n",
        "µs",
        "mean",
        "p50",
        "p90",
        "p99",
        "p99.9",
        "calls");
    for (int k = 0; k < sides.length; k++) {
      System.out.printf(Locale.ROOT, "%-11s %9.1f", sides[k].name, sides[k].mean() / 1000);
      for (double q : quantiles) {
        System.out.printf(Locale.ROOT, " %9.1f", quantile(sorted[k], q) / 1000.0);
      }
      System.out.printf(Locale.ROOT, " %10d%n", sides[k].calls);
    }
    System.out.printf(Locale.ROOT, "%-11s %8.2f×", "ratio", ours.mean() / bare.mean());
    for (double q : quantiles) {
      System.out.printf(
          Locale.ROOT, " %8.2f×", (double) quantile(sorted[1], q) / quantile(sorted[0], q));
    }
    System.out.println();
    int pairs = Math.min(bare.blocks, ours.blocks);
    double[] ratios = new double[pairs];
    for (int i = 0; i < pairs; i++) {
      ratios[i] = ours.blockMeans[i] / bare.blockMeans[i];
    }
    Arrays.sort(ratios);
    System.out.printf(
        Locale.ROOT,
        "ratio of the means, pair by pair: median %.2f×, middle half %.2f-%.2f×, all %.2f-%.2f×%n",
        ratios[pairs / 2],
        ratios[pairs / 4],
        ratios[pairs * 3 / 4],
        ratios[0],
        ratios[pairs - 1]);
  }

  /** The {@code q} quantile of {@code sorted}, the nearest rank. */
  private static long quantile(long[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
