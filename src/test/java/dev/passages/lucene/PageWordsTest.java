package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.corpus.Source;
import dev.passages.corpus.TextDocumentParser;
import dev.passages.search.QuerySyntax;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A query of single words (and prefixes and exact phrases) is marked through its words' postings
 * read once for the page ({@link PageWords}): every passage gets the marks, windows and offsets its
 * weight's matches give.
 */
class PageWordsTest {

  @TempDir static Path dir;
  private static DirectoryReader reader;
  private static HighlightingSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    Path corpus = SeedCorpus.copyWithCommentary(dir.resolve("corpus"));
    // A long passage whose windows hold a word once, three times and not at all.
    SeedCorpus.write(
        corpus,
        "long.txt",
        "Long fixture\n"
            + HighlighterTest.S1
            + HighlighterTest.S2
            + HighlighterTest.S3
            + HighlighterTest.S4
            + HighlighterTest.S5
            + "\n");
    // A long passage with a word in three of its windows and another word in the fourth: which two
    // windows are shown is up to the matches' scores.
    SeedCorpus.write(
        corpus,
        "counts.txt",
        "Counts fixture\n"
            + windowOf("A zeppelin drifts over the harbour in the first window")
            + windowOf("Another zeppelin follows it along the coast in the second")
            + windowOf("The third zeppelin lands on the field beside the old mill")
            + windowOf("Only here does a quokka appear, late in the passage")
            + "\n");
    // A prefix that stands for two words, both in the third window: a prefix's matches count as
    // one word, as the weight's matches name them, so the first two windows are shown; counted as
    // two words, the third would win.
    SeedCorpus.write(
        corpus,
        "names.txt",
        "Names fixture\n"
            + windowOf("A zeppelin here and the same zeppelin again in the first")
            + windowOf("A zeppelin there and that zeppelin once more in the second")
            + windowOf("One zeppelin among many zeppelins in the third window")
            + windowOf("Nothing to mark in the fourth and last window")
            + "\n");
    // A phrase whose first word is also asked for alone, in the third window: the phrase's match
    // is named by both its words, as the weight's matches name it, so the third window holds two
    // names and is shown; named by its first word, it would be one name, as in the first two.
    SeedCorpus.write(
        corpus,
        "phrases.txt",
        "Phrases fixture\n"
            + windowOf("A wombat here and the same wombat again in the first")
            + windowOf("A wombat there and that wombat once more in the second")
            + windowOf("One wombat digs a burrow in the third window")
            + windowOf("Nothing to mark in the fourth and last window")
            + "\n");
    reader = FixtureIndexes.indexedReader(corpus, dir.resolve("index"));
    searcher = new HighlightingSearcher(reader);
  }

  /** {@code start} and words after it, a sentence of about a window's length. */
  private static String windowOf(String start) {
    StringBuilder sentence = new StringBuilder(start);
    while (sentence.length() < PassageHighlighter.EXCERPT_CHARS - 10) {
      sentence.append(" and so on");
    }
    return sentence.append(". ").toString();
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "uranium",
        "Kazakhstan",
        "\"uranium\"",
        "sanctions China",
        "oil OR gas",
        "Russia russia",
        "Tokayev -request",
        "Kazakhstan -Russia",
        "uranium \"Russia\"",
        "Putin Kremlin West security forces protests",
        "uranium zzqxunknown",
        "zeppelin quokka",
        "why did the Kremlin send troops",
        "kazakh*",
        "kaz*",
        "kazakh* oil",
        "+kazakh* uranium",
        "Kazakhstan kazakh*",
        "zeppelin quo*",
        "zeppelin*",
        "zep* quokka",
        "\"color revolution\"",
        "\"Russian pride\"",
        "Sino-Kazakh",
        "12th-largest",
        "what did China say about the Russian-led forces",
        "\"and so on\" zeppelin",
        "\"so on and so\"",
        "\"zeppelin again in the first\" quokka",
        "\"Russian pride\" \"color revolution\" Russia",
        "\"wombat digs\" wombat",
        "Tokayev -request \"color revolution\""
      })
  void wordsAreMarkedAsTheirWeightMarksThem(String text) throws IOException {
    Query marked = LuceneQueries.toLucene(QuerySyntax.parse(text)).marked();
    assertThat(PageWords.of(marked, field -> true))
        .as("a query of single words and exact phrases: " + marked)
        .isNotNull();
    // Every passage, those the query does not match and those holding an excluded word included.
    int[] docs = IntStream.range(0, reader.maxDoc()).toArray();

    PassageHighlighter.Marked byPage = new PassageHighlighter(searcher, true).mark(marked, docs);
    PassageHighlighter.Marked byWeight = new PassageHighlighter(searcher, false).mark(marked, docs);

    assertThat(marks(byPage)).isEqualTo(marks(byWeight)).anyMatch(mark -> mark.contains("<mark>"));
  }

  /**
   * A live index has a segment per change (a comment, an edited file): a phrase is found in each
   * segment that holds all its words, and passes over one that lacks a word.
   */
  @Test
  void phrasesAreMarkedAsTheirWeightMarksThemInEverySegment() throws IOException {
    Path index = dir.resolve("segments");
    try (LuceneWriter writer = LuceneWriter.open(index, true)) {
      for (String[] document :
          List.of(
              new String[] {"first", "A color revolution began in the first segment."},
              new String[] {"second", "Color alone, and no other word of it, in the second."},
              new String[] {"third", "The revolution in color, then a color revolution again."})) {
        writer.put(
            TextDocumentParser.parse(
                    document[0], Source.COMMENTARY, "Segment " + document[0] + "\n" + document[1])
                .orElseThrow(),
            "hash");
        writer.commit("fingerprint");
      }
    }
    try (Directory directory = FSDirectory.open(index);
        DirectoryReader segments = DirectoryReader.open(directory)) {
      assertThat(segments.leaves()).hasSize(3);
      HighlightingSearcher searcher = new HighlightingSearcher(segments);
      int[] docs = IntStream.range(0, segments.maxDoc()).toArray();
      for (String text : List.of("\"color revolution\"", "\"color revolution\" segment")) {
        Query marked = LuceneQueries.toLucene(QuerySyntax.parse(text)).marked();
        assertThat(PageWords.of(marked, field -> true)).isNotNull();

        PassageHighlighter.Marked byPage =
            new PassageHighlighter(searcher, true).mark(marked, docs);
        PassageHighlighter.Marked byWeight =
            new PassageHighlighter(searcher, false).mark(marked, docs);

        assertThat(marks(byPage))
            .as(text)
            .isEqualTo(marks(byWeight))
            .filteredOn(mark -> mark.contains("<mark>color revolution</mark>"))
            .hasSize(2);
      }
    }
  }

  /**
   * Pages give their words' postings back to the snapshot's pool for later pages: pages marked at
   * once on several threads each get their own, and mark as the weight does.
   */
  @Test
  void pagesMarkedAtOnceOnSeveralThreadsMarkAsTheWeightDoes() throws Exception {
    List<String> texts =
        List.of(
            "uranium",
            "sanctions China",
            "kazakh* oil",
            "\"color revolution\"",
            "Tokayev -request \"color revolution\"",
            "what did China say about the Russian-led forces",
            "zeppelin quokka",
            "\"wombat digs\" wombat");
    int[] docs = IntStream.range(0, reader.maxDoc()).toArray();
    Map<String, List<String>> expected = new HashMap<>();
    for (String text : texts) {
      Query marked = LuceneQueries.toLucene(QuerySyntax.parse(text)).marked();
      expected.put(text, marks(new PassageHighlighter(searcher, false).mark(marked, docs)));
    }
    PassageHighlighter byPage = new PassageHighlighter(searcher, true);
    try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
      List<Future<Integer>> marked = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int first = thread;
        marked.add(
            threads.submit(
                () -> {
                  for (int round = 0; round < 40; round++) {
                    String text = texts.get((first + round) % texts.size());
                    Query query = LuceneQueries.toLucene(QuerySyntax.parse(text)).marked();
                    assertThat(marks(byPage.mark(query, docs)))
                        .as(text)
                        .isEqualTo(expected.get(text));
                  }
                  return 40;
                }));
      }
      for (Future<Integer> pages : marked) {
        assertThat(pages.get()).isEqualTo(40);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "uranium -kazakh*",
        "(uranium oil) OR gas",
        "\"Putin West\"~3",
        "uranium -\"color revolution\""
      })
  void otherQueriesAreMarkedThroughTheirWeight(String text) {
    Query marked = LuceneQueries.toLucene(QuerySyntax.parse(text)).marked();
    assertThat(PageWords.of(marked, field -> true)).isNull();
  }

  /** Each passage's marked text and match offsets, or "none". */
  private static List<String> marks(PassageHighlighter.Marked marked) {
    return Arrays.stream(marked.highlights())
        .map(
            h ->
                h == null
                    ? "none"
                    : h.html() + " " + h.matches().stream().map(Arrays::toString).toList())
        .toList();
  }
}
