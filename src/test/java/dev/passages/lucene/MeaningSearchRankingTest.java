package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.corpus.Source;
import dev.passages.embedding.Embedder;
import dev.passages.search.EnginePage;
import dev.passages.search.EngineQuery;
import dev.passages.search.Hit;
import dev.passages.search.Matched;
import dev.passages.search.QuerySyntax;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search by words and meaning on an index whose vectors are set by hand, so that every passage's
 * cosine to the query is known: which passages are found, in which order, how they matched, and
 * what is counted. No model is loaded: a vector is any unit vector of the model's dimensions.
 */
class MeaningSearchRankingTest {

  /** Paragraphs holding "uranium"; those past {@link #WITH_VECTORS} have no vector yet. */
  private static final int URANIUM = 200;

  /** Uranium paragraph i (1-based) up to this has a vector, at cosine 0.15 + i / 200 to e0. */
  private static final int WITH_VECTORS = 150;

  /** Paragraphs holding "thorium reactor", and as many holding "thorium" alone; no vectors. */
  private static final int THORIUM = 120;

  @TempDir static Path dir;
  private static LuceneWriter writer;
  private static LuceneEngine engine;

  @BeforeAll
  static void index() throws IOException {
    Path corpus = dir.resolve("corpus");
    StringBuilder mines = new StringBuilder("Mines fixture\n");
    for (int i = 1; i <= URANIUM; i++) {
      mines.append("uranium mine number ").append(i).append(".\n");
    }
    SeedCorpus.write(corpus, "mines.txt", mines.toString());
    SeedCorpus.write(
        corpus,
        "comments/metals.txt",
        """
        Metals fixture
        silver copper alloy one.
        silver coin two.
        copper wire three.
        quiet river four.
        quiet lake five.
        silver copper silver copper ingot six.
        quiet hill seven.
        """);
    StringBuilder thorium = new StringBuilder("Fourth fixture\n");
    for (int i = 1; i <= THORIUM; i++) {
      thorium.append("thorium reactor number ").append(i).append(".\n");
    }
    for (int i = 1; i <= THORIUM; i++) {
      thorium.append("thorium fuel number ").append(i).append(".\n");
    }
    SeedCorpus.write(corpus, "thorium.txt", thorium.toString());
    writer = HandSetVectors.index(corpus, dir.resolve("index"), MeaningSearchRankingTest::vectorOf);
    engine = LuceneEngine.live(writer);
  }

  @AfterAll
  static void close() throws IOException {
    writer.close();
  }

  private static final Pattern URANIUM_NUMBER = Pattern.compile("uranium mine number (\\d+)\\.");

  /** Uranium paragraphs lie in the plane of e0 and e1; the metals in that of e2 and e3. */
  private static float[] vectorOf(String text) {
    Matcher uranium = URANIUM_NUMBER.matcher(text);
    if (uranium.matches()) {
      int i = Integer.parseInt(uranium.group(1));
      return i <= WITH_VECTORS ? at(0, 1, 0.15f + i / 200f) : null;
    }
    return switch (text) {
      case "silver copper alloy one." -> at(2, 3, 0.3f);
      case "silver coin two." -> at(2, 3, 0.9f);
      case "copper wire three." -> at(2, 3, 0.1f);
      case "quiet river four." -> at(2, 3, 1f);
      case "quiet lake five." -> at(2, 3, 0.2f);
      case "silver copper silver copper ingot six." -> at(2, 3, 0.2f);
      // exactly Fusion.MIN_SIMILARITY, as a float and after Lucene's (1 + cosine) / 2
      case "quiet hill seven." -> at(2, 3, 0.25f);
      default -> null;
    };
  }

  /**
   * The unit vector at cosine {@code cosine} to axis {@code toward}, turned toward {@code side}.
   */
  private static float[] at(int toward, int side, float cosine) {
    return HandSetVectors.at(toward, side, cosine);
  }

  private static float[] axis(int i) {
    float[] vector = new float[Embedder.DIMENSIONS];
    vector[i] = 1;
    return vector;
  }

  private static EnginePage find(
      String query, Set<Source> sources, int offset, int limit, float[] meaning, boolean alone) {
    return engine.find(
        new EngineQuery(QuerySyntax.parse(query), sources, null, offset, limit, meaning, alone));
  }

  private static List<String> ids(EnginePage page) {
    return page.hits().stream().map(Hit::id).toList();
  }

  private static List<String> mines(int from, int to) {
    List<String> ids = new ArrayList<>();
    int step = from <= to ? 1 : -1;
    for (int i = from; i != to + step; i += step) {
      ids.add("mines#p" + i);
    }
    return ids;
  }

  /**
   * The first hundred by words and the hundred nearest are fused by cosine (the words score the
   * same); past them, the rest of the word ranking follows in reading order.
   */
  @Test
  void theFusedPassagesComeByMeaningAndTheRestOfTheWordRankingFollows() {
    EnginePage page = find("uranium", Set.of(), 0, URANIUM, axis(0), false);

    List<String> expected = new ArrayList<>(mines(WITH_VECTORS, 1));
    expected.addAll(mines(WITH_VECTORS + 1, URANIUM));
    assertThat(ids(page)).containsExactlyElementsOf(expected);
    assertThat(page.hits()).extracting(Hit::matched).containsOnly(Matched.ALL);
    assertThat(page.total()).isEqualTo(URANIUM);
    assertThat(page.allParts()).isEqualTo(URANIUM);
    assertThat(page.byMeaning()).isZero();
    assertThat(page.counts().article()).isEqualTo(URANIUM);
  }

  @Test
  void aPageOfTheRankingIsThatPartOfTheWholeOrder() {
    assertThat(ids(find("uranium", Set.of(), 0, 3, axis(0), false)))
        .containsExactly("mines#p150", "mines#p149", "mines#p148");
    assertThat(ids(find("uranium", Set.of(), 190, 20, axis(0), false)))
        .containsExactlyElementsOf(mines(191, URANIUM));
    assertThat(find("uranium", Set.of(), 250, 10, axis(0), false).hits()).isEmpty();
  }

  /**
   * Those holding both words first; then one word or meaning alone, fused: the passage at cosine 1
   * holding neither word lands between the two holding one, the one at cosine 0.2 is left out and
   * the one at exactly 0.25 kept.
   */
  @Test
  void passagesFoundByMeaningAloneAreRankedAmongTheWordMatchesAndCounted() {
    EnginePage page = find("silver copper", Set.of(), 0, 20, axis(2), false);

    assertThat(page.hits())
        .extracting(h -> h.id() + " " + h.matched())
        .containsExactly(
            "comments/metals#p1 all",
            "comments/metals#p6 all",
            "comments/metals#p2 some",
            "comments/metals#p4 meaning",
            "comments/metals#p3 some",
            "comments/metals#p7 meaning");
    assertThat(page.total()).isEqualTo(6);
    assertThat(page.totalExact()).isTrue();
    assertThat(page.allParts()).isEqualTo(2);
    assertThat(page.byMeaning()).isEqualTo(2);
    assertThat(page.counts())
        .extracting("article", "commentary", "comment", "exact")
        .containsExactly(0L, 0L, 6L, true);
  }

  /**
   * The same search over the same passages, the vectors of every other uranium paragraph put in a
   * second batch, so that those found by meaning lie in two segments: the same fused hundred in the
   * same order, each passage's word score taken from its own segment, and every passage matched as
   * before. (Past the hundred, equal scores follow the documents' order in the index, which the
   * second batch changes.)
   */
  @Test
  void passagesFoundByMeaningInSeveralSegmentsAreRankedAsInOne(@TempDir Path other)
      throws IOException {
    try (LuceneWriter split =
        HandSetVectors.index(
            dir.resolve("corpus"),
            other.resolve("index"),
            MeaningSearchRankingTest::vectorOf,
            text -> text.matches("uranium mine number [0-9]*[13579]\\."))) {
      List<String> inTwo =
          matches(
              LuceneEngine.live(split)
                  .find(
                      new EngineQuery(
                          QuerySyntax.parse("uranium"),
                          Set.of(),
                          null,
                          0,
                          URANIUM,
                          axis(0),
                          false)));
      List<String> inOne = matches(find("uranium", Set.of(), 0, URANIUM, axis(0), false));
      assertThat(inTwo.subList(0, 100)).containsExactlyElementsOf(inOne.subList(0, 100));
      assertThat(inTwo).hasSize(URANIUM).containsExactlyInAnyOrderElementsOf(inOne);
    }
  }

  private static List<String> matches(EnginePage page) {
    return page.hits().stream().map(h -> h.id() + " " + h.matched()).toList();
  }

  /**
   * Narrowed to the article, nothing is found, but the counts per source still say what every
   * source holds: four comment paragraphs by words, two more by meaning alone (one at exactly
   * 0.25).
   */
  @Test
  void theCountsPerSourceIgnoreTheRequestedSourcesAndCountMeaningAloneOnce() {
    EnginePage page = find("silver copper", Set.of(Source.ARTICLE), 0, 20, axis(2), false);

    assertThat(page.hits()).isEmpty();
    assertThat(page.total()).isZero();
    assertThat(page.counts())
        .extracting("article", "commentary", "comment", "exact")
        .containsExactly(0L, 0L, 6L, true);
  }

  @Test
  void byMeaningAloneEveryPassageCloseEnoughIsFoundNearestFirst() {
    EnginePage page = find("silver copper", Set.of(), 0, 20, axis(2), true);

    assertThat(page.hits())
        .extracting(h -> h.id() + " " + h.matched())
        .containsExactly(
            "comments/metals#p4 meaning",
            "comments/metals#p2 meaning",
            "comments/metals#p1 meaning",
            "comments/metals#p7 meaning");
    assertThat(page.total()).isEqualTo(4);
    assertThat(page.totalExact()).isTrue();
    assertThat(page.allParts()).isZero();
    assertThat(page.byMeaning()).isEqualTo(4);
    assertThat(page.counts())
        .extracting("article", "commentary", "comment", "exact")
        .containsExactly(0L, 0L, 4L, true);
  }

  /**
   * Past the fused hundred, the rest of the word ranking follows: first those holding both words,
   * then those holding one, each in its own order.
   */
  @Test
  void pastTheFusedDepthThoseHoldingEveryPartStillComeFirst() {
    EnginePage page = find("thorium reactor", Set.of(), 0, 2 * THORIUM, axis(5), false);

    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= THORIUM; i++) {
      expected.add("thorium#p" + i + " all");
    }
    for (int i = THORIUM + 1; i <= 2 * THORIUM; i++) {
      expected.add("thorium#p" + i + " some");
    }
    assertThat(page.hits())
        .extracting(h -> h.id() + " " + h.matched())
        .containsExactlyElementsOf(expected);
    assertThat(page.total()).isEqualTo(2 * THORIUM);
    assertThat(page.allParts()).isEqualTo(THORIUM);
    assertThat(page.byMeaning()).isZero();
  }
}
