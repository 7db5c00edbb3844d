package dev.passages.bench;

import dev.passages.embedding.EmbeddingModel;
import dev.passages.index.CorpusIndex;
import dev.passages.index.EngineWriter;
import dev.passages.index.IndexReport;
import dev.passages.lucene.LuceneEngine;
import dev.passages.lucene.LuceneWriter;
import dev.passages.opensearch.Cluster;
import dev.passages.opensearch.OpenSearchWriter;
import dev.passages.search.EngineReader;
import dev.passages.search.PassageSearch;
import dev.passages.search.SearchRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The two engines side by side in one run, not JMH: a corpus folder indexed from scratch by each
 * (the embedded Lucene index in a temporary folder, and an index on an OpenSearch cluster through
 * bulk requests), then the bench's query mix searched through {@link PassageSearch} with no kept
 * answers, one search at a time, each query many times: indexing rate, and search latency p50 and
 * p99 (warm-up rounds left out). Words only on both: the cluster has no vector search.
 *
 * <pre>
 * java -Xmx1g -cp target/benchmarks.jar dev.passages.bench.EngineComparison \
 *     CORPUS_DIR http://127.0.0.1:9200,... [QUERIES_FILE] [ROUNDS]
 * </pre>
 */
public final class EngineComparison {

  private EngineComparison() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: EngineComparison CORPUS_DIR URLS [QUERIES_FILE] [ROUNDS]");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]);
    List<URI> nodes = Arrays.stream(args[1].split(",")).map(URI::create).toList();
    List<String> queries =
        Files.readAllLines(Path.of(args.length > 2 ? args[2] : "bench/queries.txt")).stream()
            .filter(q -> !q.isBlank())
            .toList();
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    System.out.printf(
        Locale.ROOT,
        "corpus %s, %d queries x %d rounds (first %d warm-up), %d cores%n",
        corpus,
        queries.size(),
        rounds,
        rounds / 4,
        Runtime.getRuntime().availableProcessors());
    System.out.println("engine\tpassages\tindex_s\tpassages_per_s\tsearch_p50_ms\tsearch_p99_ms");
    Path dir = Files.createTempDirectory("passages-engines");
    try {
      LuceneWriter lucene = LuceneWriter.open(dir.resolve("index"), true);
      run("lucene", corpus, lucene, LuceneEngine.live(lucene), queries, rounds);
      try (Cluster cluster = Cluster.connect(nodes, System.getenv())) {
        OpenSearchWriter onCluster = OpenSearchWriter.open(cluster, "passages-bench", 1, 1, true);
        run("opensearch", corpus, onCluster, onCluster.reader(), queries, rounds);
        OpenSearchWriter.drop(cluster, "passages-bench");
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(
      String engine,
      Path corpus,
      EngineWriter writer,
      EngineReader reader,
      List<String> queries,
      int rounds)
      throws IOException {
    CorpusIndex index = new CorpusIndex(corpus, writer);
    long start = System.nanoTime();
    IndexReport report = index.update();
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Double> millis = new ArrayList<>();
    try (PassageSearch search = new PassageSearch(reader, 0, EmbeddingModel.off())) {
      for (int round = 0; round < rounds; round++) {
        for (String query : queries) {
          long t = System.nanoTime();
          search.search(new SearchRequest(query, 10, 0, Set.of()));
          if (round >= rounds / 4) {
            millis.add((System.nanoTime() - t) / 1e6);
          }
        }
      }
    }
    index.close();
    millis.sort(Double::compare);
    System.out.printf(
        Locale.ROOT,
        "%s\t%d\t%.1f\t%.0f\t%.2f\t%.2f%n",
        engine,
        report.passages(),
        seconds,
        report.passages() / seconds,
        millis.get(millis.size() / 2),
        millis.get((int) Math.min(millis.size() - 1, Math.round(millis.size() * 0.99))));
  }
}
