package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.search.QuerySyntax;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each form of the query language finds and how it ranks, on a small corpus whose every
 * passage is known. The queries are compiled here rather than taken from the kept compiled forms
 * ({@link CompiledQuery}), so each test sees the query language as it is built now.
 */
class QueryBuildingTest {

  @TempDir static Path dir;

  static DirectoryReader reader;
  static HighlightingSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    Path corpus = dir.resolve("corpus");
    SeedCorpus.write(
        corpus,
        "commentary/trade.txt",
        """
        Trade notes
        Uranium and oil are traded here.
        Uranium alone is mined here.
        Oil alone is pumped here.
        The gas price rose again.
        Gas went up and the price was noted.
        Uranium gas is rare indeed.
        Sino-Kazakh trade grew.
        Kazakh trade with Sino firms grew.
        """);
    SeedCorpus.write(
        corpus,
        "commentary/money.txt",
        """
        Money
        Investment grew fast.
        Investments grew fast.
        """);
    SeedCorpus.write(
        corpus,
        "commentary/rocks.txt",
        """
        Rocks
        Amber rock basalt rock cobalt rock diorite rock emerald rock feldspar rock garnet rock\
         hematite rock ilmenite.
        Amber basalt cobalt diorite emerald feldspar garnet hematite ilmenite rock rock rock rock\
         rock rock rock rock.
        """);
    SeedCorpus.write(
        corpus, "commentary/metals.txt", "Metals\nZinc nickel trade.\nWhat zinc nickel trade.\n");
    SeedCorpus.write(corpus, "commentary/vitamin.txt", "Health\nVitamin C is good.\n");
    SeedCorpus.write(
        corpus, "commentary/spice.txt", "Spice\nSaffron cumin pepper mix.\nSaffron cumin only.\n");
    SeedCorpus.write(corpus, "comments/reply.txt", "Reply\nUranium and oil, says a reader.\n");
    reader = FixtureIndexes.indexedReader(corpus, dir.resolve("index"));
    searcher = new HighlightingSearcher(reader);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
  }

  /** The passages {@code query} finds, in rank order, named without their folder. */
  static List<String> ranked(Query query) throws IOException {
    List<String> ids = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
      ids.add(
          PassageDocuments.fromDocument(searcher.storedFields().document(hit.doc))
              .passage()
              .id()
              .replaceFirst(".*/", ""));
    }
    return ids;
  }

  static LuceneQueries.PassageQuery compiled(String query) {
    return LuceneQueries.toLucene(QuerySyntax.parse(query));
  }

  /** What a query matches, in no particular order. */
  static List<String> matching(String query) throws IOException {
    return ranked(compiled(query).matching());
  }

  @ParameterizedTest(name = "[{0}] matches {1}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '`',
      value = {
        "uranium oil => trade#p1 trade#p2 trade#p3 trade#p6 reply#p1",
        "uranium oil source:commentary => trade#p1 trade#p2 trade#p3 trade#p6",
        "uranium oil -source:comment => trade#p1 trade#p2 trade#p3 trade#p6",
        "uranium -oil => trade#p2 trade#p6",
        "uranium oil -gas => trade#p1 trade#p2 trade#p3 reply#p1",
        "uranium oil -\"gas is rare\" => trade#p1 trade#p2 trade#p3 reply#p1",
        "oil OR gas => trade#p1 trade#p3 trade#p4 trade#p5 trade#p6 reply#p1",
        "\"gas price\" => trade#p4",
        "uranium \"gas price\" => trade#p1 trade#p2 trade#p4 trade#p6 reply#p1",
        "gas price => trade#p4 trade#p5 trade#p6",
        "Sino-Kazakh => trade#p7",
        "ur* => trade#p1 trade#p2 trade#p6 reply#p1",
        "c* => vitamin#p1",
        "gas/uranium => trade#p1 trade#p2 trade#p4 trade#p5 trade#p6 reply#p1",
        "the => ``",
        "investments => money#p1 money#p2",
        "uranium source:blog => ``",
        "`` => ``",
        "((( => ``",
      })
  void eachFormOfTheQueryLanguageMatchesItsPassages(String query, String expected)
      throws IOException {
    assertThat(matching(query))
        .containsExactlyInAnyOrder(expected.isEmpty() ? new String[0] : expected.split(" "));
  }

  @Test
  void aPrefixOfOneLetterIsSearchedAsAWord() throws IOException {
    assertThat(matching("u*")).isEmpty();
    assertThat(matching("ur*")).hasSize(4);
    assertThat(ranked(compiled("ur*").ranked())).hasSize(4);
  }

  @Test
  void passagesHoldingEveryPartComeFirst() throws IOException {
    LuceneQueries.PassageQuery query = compiled("uranium oil");
    assertThat(ranked(query.ranked()).subList(0, 2))
        .containsExactlyInAnyOrder("trade#p1", "reply#p1");
    assertThat(ranked(query.all())).containsExactlyInAnyOrder("trade#p1", "reply#p1");
    assertThat(query.parts()).hasSize(2);
    assertThat(query.listing()).isFalse();
  }

  @Test
  void thePassagesHoldingEveryPartKeepTheQuerysSourceFilter() throws IOException {
    assertThat(ranked(compiled("uranium oil source:commentary").all())).containsExactly("trade#p1");
    assertThat(ranked(compiled("uranium oil -source:comment").all())).containsExactly("trade#p1");
  }

  @Test
  void anExcludedPartIsExcludedFromThePassagesHoldingEveryPart() throws IOException {
    assertThat(ranked(compiled("uranium gas -oil").all())).containsExactly("trade#p6");
    // A passage holding every part and the excluded word too holds "every part" no more.
    assertThat(ranked(compiled("saffron cumin -pepper").all())).containsExactly("spice#p2");
    assertThat(matching("saffron cumin -pepper")).containsExactly("spice#p2");
    assertThat(ranked(compiled("uranium gas -\"oil are\"").all())).containsExactly("trade#p6");
    assertThat(compiled("uranium gas -oil").parts()).hasSize(2);
  }

  @Test
  void anOrAtTheTopIsOnePart() {
    LuceneQueries.PassageQuery query = compiled("oil OR gas");
    assertThat(query.all()).isNull();
    assertThat(query.parts()).hasSize(1);
    assertThat(compiled("uranium -oil").all()).isNull();
  }

  @Test
  void aPartTypedTwiceIsOnePart() throws IOException {
    LuceneQueries.PassageQuery query = compiled("uranium oil uranium");
    assertThat(query.parts()).hasSize(2);
    assertThat(ranked(query.all())).containsExactlyInAnyOrder("trade#p1", "reply#p1");
  }

  @Test
  void theWordsFramingAQuestionAreNoPartOfIt() throws IOException {
    LuceneQueries.PassageQuery query = compiled("what about uranium oil");
    assertThat(query.parts()).hasSize(2);
    assertThat(ranked(query.all())).containsExactlyInAnyOrder("trade#p1", "reply#p1");
    // Asked alone, they are what is searched.
    assertThat(compiled("what about").parts()).hasSize(2);
  }

  @Test
  void aLongQueryIsCutToTheWordsKept() throws IOException {
    Predicate<String> notOil = word -> !word.equals("oil");
    LuceneQueries.PassageQuery query =
        LuceneQueries.toLucene(QuerySyntax.parse("uranium oil gas"), notOil);
    assertThat(query.parts()).hasSize(2);
    assertThat(ranked(query.all())).containsExactly("trade#p6");
    assertThat(ranked(query.matching())).doesNotContain("trade#p3");
    // A phrase is kept whatever the words kept.
    LuceneQueries.PassageQuery phrase =
        LuceneQueries.toLucene(QuerySyntax.parse("oil \"gas price\""), word -> false);
    assertThat(phrase.parts()).hasSize(1);
    // Refusing every word keeps them all.
    assertThat(LuceneQueries.toLucene(QuerySyntax.parse("uranium oil"), word -> false).parts())
        .hasSize(2);
  }

  @Test
  void aSourceAloneListsItsPassagesInReadingOrder() throws IOException {
    LuceneQueries.PassageQuery commentary = compiled("source:comment");
    assertThat(commentary.listing()).isTrue();
    assertThat(ranked(commentary.matching())).containsExactlyInAnyOrder("reply#title", "reply#p1");
    LuceneQueries.PassageQuery notComments = compiled("-source:comment");
    assertThat(notComments.listing()).isTrue();
    assertThat(ranked(notComments.matching())).hasSize(23).doesNotContain("reply#p1");
  }

  @Test
  void whatCannotMatchIsNoListing() {
    assertThat(compiled("").listing()).isFalse();
    assertThat(compiled("uranium source:blog").listing()).isFalse();
    assertThat(compiled("(((").listing()).isFalse();
  }

  @Test
  void theWordsFramingAQuestionDoNotRankEither() throws IOException {
    // Both hold every part; the shorter ranks first, "what" in the other notwithstanding.
    assertThat(ranked(compiled("what zinc nickel").ranked()))
        .containsExactly("metals#p1", "metals#p2");
  }

  @Test
  void theFormAsTypedRanksFirst() throws IOException {
    assertThat(ranked(compiled("investments").ranked())).containsExactly("money#p2", "money#p1");
    assertThat(ranked(compiled("investment").ranked())).containsExactly("money#p1", "money#p2");
  }

  @Test
  void upToEightWordsTheyRankHigherStandingTogether() throws IOException {
    String eight = "amber basalt cobalt diorite emerald feldspar garnet hematite";
    assertThat(ranked(compiled(eight).ranked())).startsWith("rocks#p2", "rocks#p1");
    // Nine words are a question or a pasted text: only the words count, and equals keep
    // reading order.
    assertThat(ranked(compiled(eight + " ilmenite").ranked())).startsWith("rocks#p1", "rocks#p2");
  }

  @Test
  void aQuestionAboutOneThingFindsTheWordsOfThatThing() throws IOException {
    // "what" frames the question; no passage holds it, and the reader did not ask for it.
    assertThat(matching("what uranium"))
        .containsExactlyInAnyOrder(matching("uranium").toArray(String[]::new));
    assertThat(matching("what uranium -gas"))
        .containsExactlyInAnyOrder("trade#p1", "trade#p2", "reply#p1");
    assertThat(compiled("what uranium").all()).isNull();
    // A long query cut to one word searches that word.
    assertThat(
            ranked(
                LuceneQueries.toLucene(QuerySyntax.parse("uranium nowhere"), "uranium"::equals)
                    .matching()))
        .containsExactlyInAnyOrder(matching("uranium").toArray(String[]::new));
  }
}
