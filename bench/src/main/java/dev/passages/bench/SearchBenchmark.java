package dev.passages.bench;

import dev.passages.lucene.LuceneEngine;
import dev.passages.lucene.Schema;
import dev.passages.search.PassageSearch;
import dev.passages.search.SearchRequest;
import dev.passages.search.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
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
 * One query of a query list per invocation, cycling through it: {@code passages} is our whole
 * {@code search()} (parsing, spelling, relaxation, highlighting, explanations, source counts);
 * {@code bareLucene} is the floor under it, Lucene's {@link SimpleQueryParser} (words in the
 * keyword view, quoted phrases in the exact view, as ours) and the {@link UnifiedHighlighter} over
 * the top 10, on the same index. Their ratio is what Passages adds. {@code kind} picks the list:
 * {@code mix} is {@code bench/queries.txt}, the others {@code bench/queries-KIND.txt}. Paths are
 * relative to the working folder, the repository root.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SearchBenchmark {

  private static final int TOP = 10;

  /**
   * {@code seed}: the repository's {@code corpus/}; {@code kjv}, {@code million}: {@code
   * bench/corpora/NAME}, built by {@code bench/corpus.sh NAME}.
   */
  @Param({"seed", "kjv", "million"})
  public String corpus;

  /**
   * {@code mix}: {@code bench/queries.txt}, the golden mix; {@code keyword}, {@code phrase}, {@code
   * prefix}: {@code bench/queries-KIND.txt}, queries of that one kind, each finding passages in
   * both the seed and the kjv corpus.
   */
  @Param({"mix", "keyword", "phrase", "prefix"})
  public String kind;

  private Path index;
  private PassageSearch passages;
  private DirectoryReader reader;
  private IndexSearcher searcher;
  private UnifiedHighlighter highlighter;
  private List<String> queries;
  private Query[] bareQueries;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path folder = BenchCorpus.folder(corpus);
    Path queryFile =
        Path.of(kind.equals("mix") ? "bench/queries.txt" : "bench/queries-" + kind + ".txt");
    queries = Files.readAllLines(queryFile).stream().filter(q -> !q.isBlank()).toList();
    BenchCorpus.Built built = BenchCorpus.index(corpus, folder);
    index = built.index();
    System.out.printf(
        "%n%s: %d documents, %d passages from %s, %d problems, %s; index %.1f MiB in %s;"
            + " %d %s queries from %s%n",
        corpus,
        built.documents(),
        built.passages(),
        folder,
        built.problems(),
        built.reused()
            ? "index reused (an earlier fork built it in " + built.indexMillis() + " ms)"
            : "indexed in " + built.indexMillis() + " ms",
        BenchCorpus.mebibytes(built.indexBytes()),
        index,
        queries.size(),
        kind,
        queryFile);

    passages = new PassageSearch(LuceneEngine.open(index));
    reader = DirectoryReader.open(FSDirectory.open(index));
    searcher = new IndexSearcher(reader);
    highlighter =
        UnifiedHighlighter.builder(searcher, Schema.ANALYZER)
            // Phrases match in the exact view, which is not stored: mark them on the stored text.
            .withMaskedFieldsFunc(
                field -> field.equals(Schema.TEXT) ? Set.of(Schema.TEXT_EXACT) : Set.of())
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
            .build();
    // Words in the keyword view; phrases in the exact view, which keeps stopwords: in the keyword
    // view "the world" would be the one word "world", a cheaper and different question.
    SimpleQueryParser parser =
        new SimpleQueryParser(Schema.ANALYZER, Schema.TEXT) {
          @Override
          protected Query newPhraseQuery(String text, int slop) {
            return createPhraseQuery(Schema.TEXT_EXACT, text, slop);
          }
        };
    parser.setDefaultOperator(Occur.MUST);
    // Our OR is SimpleQueryParser's |; without this, "oil OR gas" would be three words to AND.
    bareQueries =
        queries.stream().map(q -> parser.parse(q.replace(" OR ", " | "))).toArray(Query[]::new);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    passages.close();
    reader.close();
    reader.directory().close();
  }

  @Benchmark
  public SearchResult passages() {
    SearchResult result = passages(next);
    next = (next + 1) % queries.size();
    return result;
  }

  @Benchmark
  public String[] bareLucene() throws IOException {
    String[] marked = bareLucene(next);
    next = (next + 1) % bareQueries.length;
    return marked;
  }

  /** How many queries the list holds. */
  int queryCount() {
    return queries.size();
  }

  /** Our whole search for the list's query {@code i}. */
  SearchResult passages(int i) {
    return passages.search(new SearchRequest(queries.get(i), TOP, 0, Set.of()));
  }

  /** The bare Lucene floor for the list's query {@code i}. */
  String[] bareLucene(int i) throws IOException {
    Query query = bareQueries[i];
    if (query == null || query instanceof MatchNoDocsQuery) {
      return new String[0];
    }
    TopDocs top = searcher.search(query, TOP);
    return highlighter.highlight(Schema.TEXT, query, top);
  }
}
