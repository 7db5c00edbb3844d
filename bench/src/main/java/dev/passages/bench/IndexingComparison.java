package dev.passages.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.passages.index.IndexReport;
import dev.passages.lucene.Indexer;
import dev.passages.lucene.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One-shot indexing times, not JMH: bare single-threaded Lucene (each non-empty line of the
 * folder's {@code .txt} files one document with one stored {@code text} field, offsets in the
 * postings, {@link Schema#ANALYZER}, {@link IndexWriterConfig} defaults) against ours, {@code new
 * Indexer(folder, index).rebuild()}, alternating, each into a fresh temporary folder deleted
 * afterwards. The first round is a warm-up (JIT, page cache) and is left out of the summary.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -Xmx1g -cp target/benchmarks.jar \
 *     dev.passages.bench.IndexingComparison bench/corpora/kjv [ROUNDS]
 * </pre>
 */
public final class IndexingComparison {

  private static final int DEFAULT_ROUNDS = 3;

  /** One indexing run. */
  record Run(
      String impl,
      int round,
      long paragraphs,
      double seconds,
      long indexBytes,
      long peakHeapBytes,
      long liveHeapBytes) {

    double perSecond() {
      return paragraphs / seconds;
    }
  }

  private IndexingComparison() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println(
          "usage: java --add-modules jdk.incubator.vector -Xmx1g -cp target/benchmarks.jar"
              + " dev.passages.bench.IndexingComparison FOLDER [ROUNDS]   (rounds: default "
              + DEFAULT_ROUNDS
              + ", at least 2; the first is a warm-up)");
      System.exit(2);
    }
    Path folder = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ROUNDS;
    if (!Files.isDirectory(folder)) {
      System.err.println("IndexingComparison: " + folder.toAbsolutePath() + " is not a folder");
      System.exit(1);
    }
    if (rounds < 2) {
      System.err.println("IndexingComparison: rounds must be at least 2, the first is a warm-up");
      System.exit(2);
    }
    List<Path> texts = textFiles(folder);
    Map<String, Long> others = otherFiles(folder);
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        "IndexingComparison: %s, %d .txt files; Java %s (%s), %d cores, max heap %.0f MiB, %s%n",
        folder,
        texts.size(),
        System.getProperty("java.runtime.version"),
        System.getProperty("java.vendor"),
        runtime.availableProcessors(),
        BenchCorpus.mebibytes(runtime.maxMemory()),
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName)
            .collect(Collectors.joining(", ")));
    System.out.println(
        "bare: one thread, each non-empty line of the .txt files (sorted by path) one document;"
            + " ours: Indexer.rebuild()");
    if (!others.isEmpty()) {
      System.out.println(
          "note: files other than .txt, indexed by ours only, so the two index different text: "
              + others);
    }

    HeapWatch heap = new HeapWatch();
    List<Run> runs = new ArrayList<>();
    System.out.printf(
        "%n%-6s %-5s %11s %8s %12s %9s %14s %14s%n",
        "round",
        "impl",
        "paragraphs",
        "seconds",
        "paragraphs/s",
        "index_MiB",
        "peak_heap_MiB",
        "live_heap_MiB");
    for (int round = 1; round <= rounds; round++) {
      for (String impl : List.of("bare", "ours")) {
        Path index = Files.createTempDirectory("passages-indexing-" + impl);
        try {
          Callable<Long> work =
              impl.equals("bare") ? () -> bare(texts, index) : () -> ours(folder, index);
          Run run = measure(impl, round, index, work, heap);
          runs.add(run);
          System.out.printf(
              "%-6s %-5s %11d %8.2f %12.0f %9.1f %14.0f %14s%n",
              round == 1 ? "1 (w)" : String.valueOf(round),
              impl,
              run.paragraphs(),
              run.seconds(),
              run.perSecond(),
              BenchCorpus.mebibytes(run.indexBytes()),
              BenchCorpus.mebibytes(run.peakHeapBytes()),
              run.liveHeapBytes() == 0
                  ? "n/a"
                  : String.format("%.0f", BenchCorpus.mebibytes(run.liveHeapBytes())));
        } finally {
          BenchCorpus.deleteTree(index);
        }
      }
    }
    heap.close();

    List<Run> bare = runs.stream().filter(r -> r.round() > 1 && r.impl().equals("bare")).toList();
    List<Run> ours = runs.stream().filter(r -> r.round() > 1 && r.impl().equals("ours")).toList();
    double bareSeconds = median(bare.stream().mapToDouble(Run::seconds).toArray());
    double oursSeconds = median(ours.stream().mapToDouble(Run::seconds).toArray());
    double bareBytes = median(bare.stream().mapToDouble(Run::indexBytes).toArray());
    double oursBytes = median(ours.stream().mapToDouble(Run::indexBytes).toArray());
    double barePeak = max(bare.stream().mapToDouble(Run::peakHeapBytes).toArray());
    double oursPeak = max(ours.stream().mapToDouble(Run::peakHeapBytes).toArray());
    double bareLive = max(bare.stream().mapToDouble(Run::liveHeapBytes).toArray());
    double oursLive = max(ours.stream().mapToDouble(Run::liveHeapBytes).toArray());
    System.out.printf(
        "(w) = warm-up round, left out below. Rounds 2-%d: median seconds, median index size,"
            + " highest heap figures%n",
        rounds);
    System.out.printf(
        "bare %.2f s (%.0f paragraphs/s), ours %.2f s (%.0f paragraphs/s)%n",
        bareSeconds,
        bare.getFirst().paragraphs() / bareSeconds,
        oursSeconds,
        ours.getFirst().paragraphs() / oursSeconds);
    System.out.printf(
        "ours / bare: time %.2f, index size %.2f, peak heap %.2f, live heap %s%n",
        oursSeconds / bareSeconds,
        oursBytes / bareBytes,
        oursPeak / barePeak,
        bareLive == 0 || oursLive == 0
            ? "n/a (no collection during a run)"
            : String.format("%.2f", oursLive / bareLive));
  }

  /** Every {@code .txt} file under {@code folder}, hidden ones included, sorted by path. */
  static List<Path> textFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".txt"))
          .sorted()
          .toList();
    }
  }

  /** Counts of the files ours indexes too but bare does not, by extension. */
  private static Map<String, Long> otherFiles(Path folder) throws IOException {
    Set<String> indexed = Set.of("md", "markdown", "html", "htm");
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith(".") && name.contains("."))
          .map(name -> name.substring(name.lastIndexOf('.') + 1).toLowerCase())
          .filter(indexed::contains)
          .collect(Collectors.groupingBy(e -> e, Collectors.counting()));
    }
  }

  /** Bare Lucene, one thread: returns the documents indexed. */
  static long bare(List<Path> texts, Path index) throws IOException {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    long documents = 0;
    try (Directory directory = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Schema.ANALYZER))) {
      Field text = new Field(Schema.TEXT, "", type);
      Document document = new Document();
      document.add(text);
      for (Path file : texts) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
              text.setStringValue(line);
              writer.addDocument(document);
              documents++;
            }
          }
        }
      }
      writer.commit();
    }
    return documents;
  }

  /** Ours: returns the passages indexed. */
  static long ours(Path folder, Path index) throws IOException {
    IndexReport report = new Indexer(folder, index).rebuild();
    if (!report.problems().isEmpty()) {
      System.out.println("  ours: " + report.problems().size() + " problems");
    }
    return report.passages();
  }

  private static Run measure(
      String impl, int round, Path index, Callable<Long> work, HeapWatch heap) throws Exception {
    System.gc();
    heap.reset();
    long start = System.nanoTime();
    long paragraphs = work.call();
    double seconds = (System.nanoTime() - start) / 1e9;
    heap.sampleNow();
    return new Run(
        impl, round, paragraphs, seconds, BenchCorpus.sizeOnDisk(index), heap.peak(), heap.live());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double max(double[] values) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    return max;
  }

  /**
   * Heap in use, from the collectors' notifications: the heap pools' total just before each
   * collection is the high point since the one before (use only grows between collections), so the
   * largest of them, and of the use at the end, is the run's peak, garbage included. The largest
   * total just after a collection is the most the run kept alive at once, as far as the collector
   * looked (a young collection does not look at the old generation).
   */
  static final class HeapWatch implements AutoCloseable {

    private final Set<String> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong live = new AtomicLong();
    private final NotificationListener listener =
        (notification, handback) -> {
          if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
              notification.getType())) {
            return;
          }
          var info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          peak.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
          live.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
        };

    HeapWatch() {
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
      }
    }

    private long heapUsed(Map<String, MemoryUsage> usage) {
      return usage.entrySet().stream()
          .filter(e -> heapPools.contains(e.getKey()))
          .mapToLong(e -> e.getValue().getUsed())
          .sum();
    }

    void reset() {
      // Notifications arrive on another thread, shortly after the collection: let the reset's
      // own System.gc() report before zeroing.
      sleep();
      peak.set(0);
      live.set(0);
      sampleNow();
    }

    void sampleNow() {
      sleep();
      Runtime runtime = Runtime.getRuntime();
      long used = runtime.totalMemory() - runtime.freeMemory();
      peak.accumulateAndGet(used, Math::max);
    }

    long peak() {
      return peak.get();
    }

    long live() {
      return live.get();
    }

    private static void sleep() {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() throws Exception {
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).removeNotificationListener(listener);
      }
    }
  }
}
