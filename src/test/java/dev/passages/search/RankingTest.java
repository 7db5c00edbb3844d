package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ranking signals on top of BM25, each shown on passages that differ only in it. */
class RankingTest {

  @TempDir static Path dir;

  static PassageSearch search;

  @BeforeAll
  static void index() throws IOException {
    Path corpus = dir.resolve("corpus");
    SeedCorpus.write(
        corpus,
        "commentary/near.txt",
        "Near\nThe steppe pipeline carries oil east along the long quiet border of the country"
            + " today.\n");
    SeedCorpus.write(
        corpus,
        "commentary/far.txt",
        "Far\nThe steppe is wide, quiet and cold, and the pipeline carries oil.\n");
    SeedCorpus.write(
        corpus,
        "commentary/forms.txt",
        "Forms\nForeign investment grew again this year in the region.\n"
            + "Foreign investments grew again this year in the region.\n");
    search = SeedCorpus.indexed(corpus, dir);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  /** The far passage is shorter, so BM25 alone would put it first. */
  @Test
  void wordsStandingTogetherRankAboveScatteredOnes() {
    assertThat(ids("steppe pipeline")).startsWith("commentary/near#p1", "commentary/far#p1");
  }

  /** Both forms stem alike and the passages are the same length: BM25 alone ties them. */
  @Test
  void theFormAsTypedRanksAboveAnotherFormOfTheWord() {
    assertThat(ids("investments")).containsExactly("commentary/forms#p2", "commentary/forms#p1");
    assertThat(ids("investment")).containsExactly("commentary/forms#p1", "commentary/forms#p2");
  }

  private static List<String> ids(String query) {
    return search.search(new SearchRequest(query, 10, 0, Set.of())).hits().stream()
        .map(Hit::id)
        .toList();
  }
}
