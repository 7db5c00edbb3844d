package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.passages.SeedCorpus;
import dev.passages.corpus.Source;
import dev.passages.search.EnginePage;
import dev.passages.search.EngineQuery;
import dev.passages.search.Hit;
import dev.passages.search.Matched;
import dev.passages.search.PassageSearch;
import dev.passages.search.QuerySyntax;
import dev.passages.search.SourceCounts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded engine's search by words on an index with more matches than a search counts ({@link
 * PassageSearch#COUNT_UP_TO}): totals, counts by source, how many matches hold every part, and the
 * long queries cut to their telling words.
 */
class WordSearchTest {

  /** Paragraphs of the harvest report, each with "wheat" and "grew". */
  static final int REPORTS = 1_200;

  /** The last report paragraphs, which call the wheat fine (the others, fair). */
  static final int FINE = PassageSearch.COUNT_UP_TO;

  /** Report paragraphs that also name barley. */
  static final int WITH_BARLEY = 5;

  /** Letters no stemmer takes off the end of a word. */
  static final String CONSONANTS = "bcdfgkmnprtvz";

  /** Words of the glossary, each in a paragraph of its own. */
  static final List<String> GLOSSARY =
      IntStream.rangeClosed(1, LuceneQueries.MAX_QUERY_PARTS + 1)
          .mapToObj(i -> "zq" + CONSONANTS.charAt(i / 13) + CONSONANTS.charAt(i % 13))
          .toList();

  /** How many of the glossary words the one paragraph of most of them holds. */
  static final int MOST = LuceneQueries.MAX_QUERY_PARTS - 1;

  @TempDir static Path dir;

  static LuceneEngine engine;

  /** An index of the report alone: every passage from one source. */
  static LuceneEngine articlesOnly;

  @BeforeAll
  static void index() throws IOException {
    Path corpus = dir.resolve("corpus");
    String reports =
        IntStream.rangeClosed(1, REPORTS)
            .mapToObj(
                i ->
                    "Report "
                        + i
                        + " says the wheat "
                        + (i <= WITH_BARLEY ? "and barley " : "")
                        + (i > REPORTS - FINE ? "fine " : "fair ")
                        + "grew well this year.")
            .collect(Collectors.joining("\n", "Harvest reports\n", "\n"));
    SeedCorpus.write(corpus, "reports.txt", reports);
    SeedCorpus.write(
        corpus, "commentary/view.txt", "A view\nThe barley and the wheat will not last.\n");
    SeedCorpus.write(
        corpus,
        "commentary/glossary.txt",
        GLOSSARY.stream()
            .map(word -> "The word " + word + " is here.")
            .collect(Collectors.joining("\n", "Glossary\n", "\n")));
    // One paragraph holds every glossary word but the last two.
    SeedCorpus.write(
        corpus,
        "commentary/most.txt",
        "Most words\nHere are " + String.join(" ", GLOSSARY.subList(0, MOST)) + " together.\n");
    SeedCorpus.write(corpus, "comments/b.txt", "Re: bread\nRye and wheat bread is best.\n");
    // Indexed after comments/b, so Lucene holds it later; it still comes first among equals.
    new Indexer(corpus, dir.resolve("index")).rebuild();
    SeedCorpus.write(corpus, "comments/a.txt", "Re: bread\nRye bread is best.\n");
    // Held last in the index, the best match of "wheat" alone.
    SeedCorpus.write(corpus, "commentary/late.txt", "Late\nThe wheat is late.\n");
    new Indexer(corpus, dir.resolve("index")).update();
    engine = LuceneEngine.open(dir.resolve("index"));
    Path reportsOnly = dir.resolve("reports-only");
    SeedCorpus.write(reportsOnly, "reports.txt", reports);
    new Indexer(reportsOnly, dir.resolve("reports-index")).rebuild();
    articlesOnly = LuceneEngine.open(dir.resolve("reports-index"));
  }

  @AfterAll
  static void close() throws IOException {
    engine.close();
    articlesOnly.close();
  }

  static EnginePage find(String query, Set<Source> sources, int limit) {
    return engine.find(new EngineQuery(QuerySyntax.parse(query), sources, null, 0, limit));
  }

  static EnginePage find(String query) {
    return find(query, Set.of(), 10);
  }

  static List<String> ids(EnginePage page) {
    return page.hits().stream().map(Hit::id).toList();
  }

  @Test
  void aCommonWordIsCountedExactlyPerSourceFromTheIndex() {
    EnginePage wheat = find("wheat");
    assertThat(wheat.totalExact()).isTrue();
    assertThat(wheat.total()).isEqualTo(REPORTS + 3);
    assertThat(wheat.allParts()).isEqualTo(REPORTS + 3);
    assertThat(wheat.counts()).isEqualTo(new SourceCounts(REPORTS, 2, 1, true));
    assertThat(wheat.hits()).extracting(Hit::matched).containsOnly(Matched.ALL);
  }

  @Test
  void aCommonWordInOneSourceIsCountedThereAndEverySourceCountedToo() {
    EnginePage wheat = find("wheat", Set.of(Source.COMMENTARY), 10);
    assertThat(wheat.total()).isEqualTo(2);
    assertThat(ids(wheat)).containsExactly("commentary/late#p1", "commentary/view#p1");
    assertThat(wheat.counts()).isEqualTo(new SourceCounts(REPORTS, 2, 1, true));
  }

  @Test
  void onlyTheCountsMayBeAskedFor() {
    EnginePage wheat = find("wheat", Set.of(), 0);
    assertThat(wheat.hits()).isEmpty();
    assertThat(wheat.total()).isEqualTo(REPORTS + 3);
  }

  @Test
  void pastTheCountingLimitThoseHoldingEveryPartAreCountedApart() {
    EnginePage wheatBarley = find("wheat barley");
    assertThat(wheatBarley.totalExact()).isFalse();
    assertThat(wheatBarley.total()).isBetween((long) PassageSearch.COUNT_UP_TO, REPORTS + 3L);
    assertThat(wheatBarley.allParts()).isEqualTo(WITH_BARLEY + 1);
    assertThat(wheatBarley.counts().exact()).isFalse();
    assertThat(wheatBarley.hits().subList(0, WITH_BARLEY + 1))
        .extracting(Hit::matched)
        .containsOnly(Matched.ALL);
    assertThat(wheatBarley.hits().get(WITH_BARLEY + 1).matched()).isEqualTo(Matched.SOME);
    // The best of the rest is held last in the index, long after the counting stopped.
    assertThat(wheatBarley.hits().get(WITH_BARLEY + 1).id()).isEqualTo("commentary/late#p1");
    // When more than the limit hold every part, the total stands for them.
    EnginePage wheatGrew = find("wheat grew");
    assertThat(wheatGrew.allParts()).isEqualTo(wheatGrew.total());
    // Exactly as many as the limit hold both: counted, though the ranking skipped some.
    EnginePage wheatFine = find("wheat fine");
    assertThat(wheatFine.totalExact()).isFalse();
    assertThat(wheatFine.allParts()).isEqualTo(FINE);
  }

  @Test
  void aPageThatThoseHoldingEveryPartFillIsTheOneTheWholeRankingGives() {
    // Six passages hold both words: a page of three is theirs alone; a page of ten is not.
    EnginePage three = find("wheat barley", Set.of(), 3);
    EnginePage ten = find("wheat barley", Set.of(), 10);
    assertThat(ids(three)).containsExactlyElementsOf(ids(ten).subList(0, 3));
    assertThat(three.hits())
        .extracting(Hit::score)
        .containsExactlyElementsOf(ten.hits().subList(0, 3).stream().map(Hit::score).toList());
    assertThat(three.allParts()).isEqualTo(WITH_BARLEY + 1);
    assertThat(three.totalExact()).isFalse();
    assertThat(three.total()).isGreaterThan(PassageSearch.COUNT_UP_TO);
    SourceCounts counts = three.counts();
    assertThat(counts.exact()).isFalse();
    assertThat(counts.article() + counts.commentary() + counts.comment()).isEqualTo(three.total());
    // Narrowed to one source: the page and the totals are that source's, the counts every one's.
    EnginePage commentary = find("wheat barley", Set.of(Source.COMMENTARY), 1);
    assertThat(ids(commentary)).containsExactly("commentary/view#p1");
    assertThat(commentary.total()).isEqualTo(2); // and "late", which holds wheat alone
    assertThat(commentary.totalExact()).isTrue();
    assertThat(commentary.allParts()).isEqualTo(1);
    assertThat(commentary.counts()).isEqualTo(new SourceCounts(REPORTS, 2, 1, true));
  }

  @Test
  void belowTheLimitThoseHoldingEveryPartAreCountedExactly() {
    EnginePage barleyLast = find("barley last");
    assertThat(barleyLast.totalExact()).isTrue();
    assertThat(barleyLast.total()).isEqualTo(WITH_BARLEY + 1);
    assertThat(barleyLast.allParts()).isEqualTo(1);
    assertThat(barleyLast.counts()).isEqualTo(new SourceCounts(WITH_BARLEY, 1, 0, true));
    assertThat(barleyLast.hits().getFirst().id()).isEqualTo("commentary/view#p1");
    assertThat(barleyLast.hits()).extracting(Hit::matched).containsOnlyOnce(Matched.ALL);
    EnginePage barleyRye = find("barley rye");
    assertThat(barleyRye.total()).isEqualTo(WITH_BARLEY + 3);
    assertThat(barleyRye.allParts()).isZero();
    assertThat(barleyRye.hits()).extracting(Hit::matched).containsOnly(Matched.SOME);
  }

  @Test
  void aListingOfMoreThanTheLimitIsCountedExactly() {
    EnginePage reports = find("source:article", Set.of(), 3);
    assertThat(reports.totalExact()).isTrue();
    assertThat(reports.total()).isEqualTo(REPORTS + 1);
    assertThat(ids(reports)).containsExactly("reports#title", "reports#p1", "reports#p2");
    assertThat(reports.hits()).extracting(Hit::score).containsOnly(1f);
  }

  @Test
  void noneInTheSourcesAskedForSaysWhereTheQueryDoesMatch() {
    EnginePage rye = find("rye", Set.of(Source.ARTICLE), 10);
    assertThat(rye.total()).isZero();
    assertThat(rye.hits()).isEmpty();
    assertThat(rye.counts()).isEqualTo(new SourceCounts(0, 0, 2, true));
    EnginePage nowhere = find("rye source:blog", Set.of(Source.ARTICLE), 10);
    assertThat(nowhere.total()).isZero();
    assertThat(nowhere.counts()).isEqualTo(SourceCounts.NONE);
  }

  @Test
  void aRareWordIsCountedPerSourceAsItIsRanked() {
    EnginePage rye = find("rye");
    assertThat(rye.total()).isEqualTo(2);
    assertThat(rye.counts()).isEqualTo(new SourceCounts(0, 0, 2, true));
    EnginePage barley = find("barley");
    assertThat(barley.counts()).isEqualTo(new SourceCounts(WITH_BARLEY, 1, 0, true));
  }

  @Test
  void inAnIndexOfOneSourceAnExactTotalIsThatSourcesCount() {
    EnginePage fine =
        articlesOnly.find(new EngineQuery(QuerySyntax.parse("fine"), Set.of(), null, 0, 1));
    assertThat(fine.counts()).isEqualTo(new SourceCounts(FINE, 0, 0, true));
    EnginePage wheatFine =
        articlesOnly.find(new EngineQuery(QuerySyntax.parse("wheat fine"), Set.of(), null, 0, 1));
    assertThat(wheatFine.totalExact()).isFalse();
    assertThat(wheatFine.counts().exact()).isFalse();
  }

  @Test
  void aLongQuerysPhrasesTakeNoPlaceOfItsWords() {
    // 32 words and a phrase: the words are all kept, as the phrase is.
    String query =
        String.join(" ", GLOSSARY.subList(0, LuceneQueries.MAX_QUERY_PARTS))
            + " \""
            + GLOSSARY.getLast()
            + "\"";
    assertThat(find(query).total()).isEqualTo(LuceneQueries.MAX_QUERY_PARTS + 2); // and "most"
  }

  @Test
  void aPageFurtherOnStartsAtItsOffset() {
    EnginePage third =
        engine.find(new EngineQuery(QuerySyntax.parse("bread"), Set.of(), null, 2, 10));
    assertThat(ids(third)).containsExactly("comments/a#title", "comments/b#title");
    assertThat(
            engine.find(new EngineQuery(QuerySyntax.parse("bread"), Set.of(), null, 4, 10)).hits())
        .isEmpty();
  }

  @Test
  void aSearchWithinOneDocumentFindsOnlyItsPassages() {
    EnginePage view =
        engine.find(
            new EngineQuery(QuerySyntax.parse("wheat"), Set.of(), "commentary/view", 0, 10));
    assertThat(view.total()).isEqualTo(1);
    assertThat(ids(view)).containsExactly("commentary/view#p1");
  }

  @Test
  void aQueryNeverSeenBeforeIsCompiledAndThenKept() {
    String fresh = "rye unheard" + UUID.randomUUID().toString().replace("-", "");
    EnginePage first = find(fresh);
    assertThat(ids(first)).containsExactly("comments/a#p1", "comments/b#p1");
    assertThat(ids(find(fresh))).isEqualTo(ids(first));
  }

  @Test
  void theEngineTellsItsIndexVersionAndClosesItsSearchers() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir.resolve("index")))) {
      assertThat(engine.version()).isEqualTo(reader.getVersion());
    }
    LuceneEngine other = LuceneEngine.open(dir.resolve("index"));
    assertThat(find("rye").total()).isEqualTo(2);
    other.close();
    assertThatThrownBy(
            () -> other.find(new EngineQuery(QuerySyntax.parse("rye"), Set.of(), null, 0, 1)))
        .isInstanceOf(AlreadyClosedException.class);
  }

  @Test
  void equalMatchesComeInReadingOrder() {
    assertThat(ids(find("bread")))
        .containsExactly("comments/a#p1", "comments/b#p1", "comments/a#title", "comments/b#title");
  }

  @Test
  void aWordExcludedAloneIsNoCommonWord() {
    EnginePage notWheat = find("-wheat");
    assertThat(notWheat.total()).isNotEqualTo(REPORTS + 3);
  }

  @Test
  void aLongQueryIsCutToItsMostTellingWords() {
    // Each glossary word is in a paragraph of its own: a query of all of them keeps all but one.
    EnginePage all = find(String.join(" ", GLOSSARY));
    assertThat(all.total()).isEqualTo(LuceneQueries.MAX_QUERY_PARTS + 1); // and "most"
    assertThat(all.allParts()).isZero();
    // Up to the limit, the query is searched whole, a word the index lacks and all.
    String upTo = String.join(" ", GLOSSARY.subList(0, MOST)) + " xqbb";
    EnginePage whole = find(upTo);
    assertThat(whole.total()).isEqualTo(MOST + 1);
    assertThat(whole.allParts()).isZero();
    // Past it, the words the index lacks are the first to go.
    EnginePage cut = find(upTo + " xqbc");
    assertThat(cut.total()).isEqualTo(MOST + 1);
    assertThat(cut.allParts()).isEqualTo(1);
    assertThat(cut.hits().getFirst().id()).isEqualTo("commentary/most#p1");
  }

  @Test
  void aLongQueryKeepsTheWordsTheIndexHoldsThoughRare() {
    // Two words the index holds (one in two passages only), among words it does not.
    String unknown =
        IntStream.range(0, LuceneQueries.MAX_QUERY_PARTS)
            .mapToObj(i -> "xq" + CONSONANTS.charAt(i / 13) + CONSONANTS.charAt(i % 13))
            .collect(Collectors.joining(" "));
    EnginePage page = find("rye wheat " + unknown);
    assertThat(page.total()).isGreaterThanOrEqualTo(PassageSearch.COUNT_UP_TO);
    assertThat(page.allParts()).isEqualTo(1);
    assertThat(page.hits().getFirst().id()).isEqualTo("comments/b#p1");
  }
}
