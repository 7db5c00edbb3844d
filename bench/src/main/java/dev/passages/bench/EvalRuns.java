package dev.passages.bench;

import dev.passages.embedding.Embedder;
import dev.passages.embedding.EmbeddingModel;
import dev.passages.index.CorpusIndex;
import dev.passages.index.VectorFill;
import dev.passages.lucene.Indexer;
import dev.passages.lucene.LuceneEngine;
import dev.passages.search.EnginePage;
import dev.passages.search.EngineQuery;
import dev.passages.search.Hit;
import dev.passages.search.PassageSearch;
import dev.passages.search.QuerySyntax;
import dev.passages.search.SearchRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Ranks a test collection's questions in each way Passages can and writes one TREC run per way, for
 * {@code ../shared/eval/score.py --run}: words alone (what {@code --semantic off} serves), meaning
 * alone, and the two fused (what {@code serve} answers by default). With {@code --paraphrases},
 * reads {@code question<TAB>passage} lines instead and prints success@3 and MRR.
 *
 * <pre>
 * java -cp target/benchmarks.jar dev.passages.bench.EvalRuns CORPUS QUERIES.tsv OUT [--max-query-chars N]
 * java -cp target/benchmarks.jar dev.passages.bench.EvalRuns CORPUS PARAPHRASES.tsv --paraphrases
 * </pre>
 *
 * <p>Each run lists a query's documents in the order of their best passage among the first 100
 * passages, as score.py does with a server's answer.
 */
public final class EvalRuns {

  private EvalRuns() {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args[0]);
    Path queries = Path.of(args[1]);
    boolean paraphrases = args.length > 2 && args[2].equals("--paraphrases");
    boolean judgments = args.length > 2 && args[2].equals("--judgments");
    int maxChars = SearchRequest.MAX_QUERY_CHARS;
    for (int i = 3; i < args.length - 1; i++) {
      if (args[i].equals("--max-query-chars")) {
        maxChars = Integer.parseInt(args[i + 1]);
      }
    }
    Path index = Files.createTempDirectory("passages-eval");
    long start = System.nanoTime();
    Embedder embedder = Embedder.load();
    EmbeddingModel model = EmbeddingModel.of(embedder);
    try (CorpusIndex live = Indexer.open(corpus, index, true)) {
      live.update();
      new VectorFill(live, model, Runtime.getRuntime().availableProcessors()).runToEnd(p -> {});
    }
    System.err.printf(
        Locale.ROOT, "indexed and embedded in %.1f s%n", (System.nanoTime() - start) / 1e9);
    List<String[]> lines = new ArrayList<>();
    for (String line : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("qid\t")) {
        lines.add(line.split("\t", 2));
      }
    }
    try (LuceneEngine engine = LuceneEngine.open(index)) {
      PassageSearch words = new PassageSearch(engine);
      PassageSearch fused = new PassageSearch(engine, 0, model);
      Function<String, List<Hit>> byWords = q -> words.search(request(q)).hits();
      Function<String, List<Hit>> byBoth = q -> fused.search(request(q)).hits();
      Function<String, List<Hit>> byMeaning =
          q -> {
            EnginePage page =
                engine.find(
                    new EngineQuery(
                        QuerySyntax.parse(q), Set.of(), null, 0, 100, embedder.embed(q), true));
            return page.hits();
          };
      if (judgments) {
        printJudgedScores("words", queries, byWords);
        printJudgedScores("meaning", queries, byMeaning);
        printJudgedScores("fused", queries, byBoth);
      } else if (paraphrases) {
        for (var mode : List.of("words", "meaning", "fused")) {
          Function<String, List<Hit>> run =
              switch (mode) {
                case "words" -> byWords;
                case "meaning" -> byMeaning;
                default -> byBoth;
              };
          printParaphraseScores(mode, lines, run);
        }
      } else {
        String out = args[2];
        writeRun(out + "-words.trec", "words", lines, byWords, maxChars);
        writeRun(out + "-meaning.trec", "meaning", lines, byMeaning, maxChars);
        writeRun(out + "-fused.trec", "fused", lines, byBoth, maxChars);
      }
    } finally {
      embedder.close();
      try (var files = Files.walk(index)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static SearchRequest request(String query) {
    return new SearchRequest(query, 100, 0, Set.of());
  }

  private static void writeRun(
      String file,
      String tag,
      List<String[]> queries,
      Function<String, List<Hit>> run,
      int maxChars)
      throws IOException {
    long start = System.nanoTime();
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(file)))) {
      for (String[] query : queries) {
        Set<String> docs = new LinkedHashSet<>();
        for (Hit hit : run.apply(cut(query[1], maxChars))) {
          docs.add(hit.doc());
        }
        int rank = 0;
        for (String doc : docs) {
          rank++;
          out.printf(Locale.ROOT, "%s Q0 %s %d %.4f %s%n", query[0], doc, rank, 1.0 / rank, tag);
        }
      }
    }
    System.err.printf(
        Locale.ROOT,
        "%s: %d queries in %.1f s%n",
        file,
        queries.size(),
        (System.nanoTime() - start) / 1e9);
  }

  /** {@code text} cut at a word to at most {@code max} characters, as score.py cuts it. */
  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int space = text.lastIndexOf(' ', max);
    return text.substring(0, space > 0 ? space : max);
  }

  /**
   * nDCG@10 over graded judgments ({@code query<TAB>passage<TAB>grade<TAB>category}), overall and
   * by category.
   */
  private static void printJudgedScores(String mode, Path file, Function<String, List<Hit>> run)
      throws IOException {
    java.util.Map<String, java.util.Map<String, Integer>> grades = new java.util.LinkedHashMap<>();
    java.util.Map<String, String> categories = new java.util.HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      grades
          .computeIfAbsent(f[0], k -> new java.util.HashMap<>())
          .put(f[1], Integer.parseInt(f[2]));
      categories.put(f[0], f[3]);
    }
    java.util.Map<String, double[]> byCategory = new java.util.TreeMap<>();
    double total = 0;
    for (var entry : grades.entrySet()) {
      List<Hit> hits = run.apply(entry.getKey());
      double dcg = 0;
      for (int i = 0; i < Math.min(10, hits.size()); i++) {
        int g = entry.getValue().getOrDefault(hits.get(i).id(), 0);
        dcg += (Math.pow(2, g) - 1) / (Math.log(i + 2) / Math.log(2));
      }
      List<Integer> ideal = new ArrayList<>(entry.getValue().values());
      ideal.sort(java.util.Comparator.reverseOrder());
      double idcg = 0;
      for (int i = 0; i < Math.min(10, ideal.size()); i++) {
        idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
      }
      double ndcg = idcg > 0 ? dcg / idcg : 0;
      total += ndcg;
      double[] c = byCategory.computeIfAbsent(categories.get(entry.getKey()), k -> new double[2]);
      c[0] += ndcg;
      c[1]++;
    }
    StringBuilder line =
        new StringBuilder(
            String.format(Locale.ROOT, "%-10s nDCG@10 %.3f ", mode, total / grades.size()));
    byCategory.forEach(
        (k, v) -> line.append(String.format(Locale.ROOT, " %s %.2f", k, v[0] / v[1])));
    System.out.println(line);
  }

  private static void printParaphraseScores(
      String mode, List<String[]> questions, Function<String, List<Hit>> run) {
    int atThree = 0;
    double reciprocal = 0;
    List<String> misses = new ArrayList<>();
    for (String[] question : questions) {
      List<Hit> hits = run.apply(question[0]);
      int rank = 0;
      for (int i = 0; i < hits.size(); i++) {
        if (hits.get(i).id().equals(question[1].strip())) {
          rank = i + 1;
          break;
        }
      }
      if (rank >= 1 && rank <= 3) {
        atThree++;
      } else {
        misses.add(rank + "  " + question[0]);
      }
      reciprocal += rank > 0 ? 1.0 / rank : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "%-8s success@3 %.3f (%d/%d)  MRR %.3f%n",
        mode,
        atThree / (double) questions.size(),
        atThree,
        questions.size(),
        reciprocal / questions.size());
    misses.forEach(m -> System.out.println("    missed (rank): " + m));
  }
}
