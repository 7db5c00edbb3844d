package dev.passages.bench;

import dev.passages.embedding.Embedder;
import dev.passages.embedding.EmbeddingModel;
import dev.passages.index.CorpusIndex;
import dev.passages.index.VectorFill;
import dev.passages.lucene.Indexer;
import dev.passages.lucene.LuceneEngine;
import dev.passages.search.PassageSearch;
import dev.passages.search.SearchRequest;
import dev.passages.search.SearchResult;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What meaning-based search costs per query, in-process, with the model loaded and every passage
 * embedded: {@code kind} is {@code bench/queries-KIND.txt}; {@code semantic} {@code off} is words
 * alone, as {@code --semantic off} serves. {@code warm} searches with the query vectors and the
 * sentence vectors kept from earlier searches (a question asked again, a page reloaded); {@code
 * cold} with nothing kept: the query embedded, and the sentences of every passage found by meaning
 * alone on the page embedded to mark the closest. The embedded index is built once per corpus into
 * {@code target/bench-index/NAME-embedded} (its figures in {@code
 * target/bench-corpus-NAME-embedded.txt}: embedding time and rate, index size) and reused.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--add-modules",
      "jdk.incubator.vector",
      "--enable-native-access=ALL-UNNAMED",
      "-Xmx1g"
    })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MeaningBenchmark {

  private static final int TOP = 10;

  @Param({"seed", "kjv"})
  public String corpus;

  @Param({"keyword", "phrase", "question"})
  public String kind;

  @Param({"off", "on"})
  public String semantic;

  private Embedder embedder;
  private EmbeddingModel model;
  private LuceneEngine engine;
  private PassageSearch warm;
  private List<String> queries;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path folder = BenchCorpus.folder(corpus);
    queries =
        Files.readAllLines(Path.of("bench/queries-" + kind + ".txt")).stream()
            .filter(q -> !q.isBlank())
            .toList();
    embedder = Embedder.load();
    Path index = embedded(corpus, folder, embedder);
    model = semantic.equals("on") ? EmbeddingModel.of(embedder) : EmbeddingModel.off();
    engine = LuceneEngine.open(index);
    warm = new PassageSearch(engine, 0, model);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    engine.close();
    embedder.close();
  }

  @Benchmark
  public SearchResult warm() {
    return warm.search(request());
  }

  @Benchmark
  public SearchResult cold() {
    return new PassageSearch(engine, 0, model).search(request());
  }

  private SearchRequest request() {
    String query = queries.get(next);
    next = (next + 1) % queries.size();
    return new SearchRequest(query, TOP, 0, Set.of());
  }

  /** The corpus indexed and embedded, built once and reused while the corpus is the same. */
  static Path embedded(String name, Path folder, Embedder embedder) throws IOException {
    BenchCorpus.Built words = BenchCorpus.index(name, folder);
    Path index = Path.of("target/bench-index", name + "-embedded");
    Path record = Path.of("target", "bench-corpus-" + name + "-embedded.txt");
    String key = words.indexMillis() + "/" + words.passages() + "/" + Embedder.MODEL;
    Properties saved = new Properties();
    if (Files.isRegularFile(record) && Files.isDirectory(index)) {
      try (Reader in = Files.newBufferedReader(record, StandardCharsets.UTF_8)) {
        saved.load(in);
      }
      if (key.equals(saved.getProperty("key"))) {
        return index;
      }
    }
    BenchCorpus.deleteTree(index);
    Files.createDirectories(index);
    try (var files = Files.list(words.index())) {
      for (Path file : files.toList()) {
        Files.copy(file, index.resolve(file.getFileName()));
      }
    }
    long start = System.nanoTime();
    long embedded;
    try (CorpusIndex live = Indexer.open(folder, index, false)) {
      embedded =
          new VectorFill(
                  live, EmbeddingModel.of(embedder), Runtime.getRuntime().availableProcessors())
              .runToEnd(p -> System.out.println("  embedding: " + p.describe()));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    Properties figures = new Properties();
    figures.setProperty("key", key);
    figures.setProperty("passages", String.valueOf(words.passages()));
    figures.setProperty("embedded", String.valueOf(embedded));
    figures.setProperty("embed_millis", String.valueOf(millis));
    figures.setProperty("words_index_bytes", String.valueOf(words.indexBytes()));
    figures.setProperty("index_bytes", String.valueOf(BenchCorpus.sizeOnDisk(index)));
    try (Writer out = Files.newBufferedWriter(record, StandardCharsets.UTF_8)) {
      figures.store(out, "embedded index of " + name);
    }
    System.out.printf(
        "%n%s: %d passages embedded in %.1f s (%.0f passages/s); index %.1f MiB, %.1f MiB without"
            + " vectors%n",
        name,
        embedded,
        millis / 1000.0,
        embedded / (millis / 1000.0),
        BenchCorpus.mebibytes(BenchCorpus.sizeOnDisk(index)),
        BenchCorpus.mebibytes(words.indexBytes()));
    return index;
  }
}
