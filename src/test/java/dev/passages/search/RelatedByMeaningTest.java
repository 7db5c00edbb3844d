package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.LiveSearch;
import dev.passages.SeedCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commentary tied to the paragraphs it discusses by meaning, where passages have vectors. */
class RelatedByMeaningTest {

  @TempDir static Path dir;

  static LiveSearch live;

  @BeforeAll
  static void index() throws IOException {
    Path corpus = SeedCorpus.copyWithCommentary(dir);
    SeedCorpus.write(
        corpus,
        "commentary/paraphrase.txt",
        "Oil, gas and uranium\nKazakhstan holds proven oil reserves and gas, produced nearly half"
            + " of the world's uranium in 2019, and the Kremlin fears a color revolution there that"
            + " could inspire protest movements in Russia.\n");
    SeedCorpus.write(
        corpus,
        "commentary/unrelated.txt",
        "Gardening notes\nTomatoes need sun and water; prune them in July for a better harvest.\n");
    SeedCorpus.write(
        corpus,
        "commentary/name-only.txt",
        "Other news\nPutin visited a factory in Siberia on Tuesday and talked about wages.\n");
    live = LiveSearch.withMeaning(corpus, dir.resolve("index"));
  }

  @AfterAll
  static void close() throws IOException {
    live.close();
  }

  @Test
  void aParaphraseIsSimilarToItsParagraphAloneAndUnrelatedTextToNone() {
    assertThat(similar(5)).contains("commentary/paraphrase#p1");
    for (int paragraph = 1; paragraph <= 13; paragraph++) {
      assertThat(similar(paragraph))
          .as("paragraph %d", paragraph)
          .doesNotContain("commentary/unrelated#p1", "commentary/name-only#p1");
      if (paragraph != 5) {
        assertThat(similar(paragraph)).doesNotContain("commentary/paraphrase#p1");
      }
    }
  }

  @Test
  void commentaryOnWhatChinaLearnsIsTiedToTheParagraphOnIt() {
    // "Beijing is taking notes": the paragraph on what China learns, not the one on the unrest.
    assertThat(similar(9)).contains("commentary/sample-beijing#title");
    assertThat(similar(6)).doesNotContain("commentary/sample-beijing#title");
  }

  @Test
  void theSimilarityIsTheCosine() {
    RelatedPassage paraphrase =
        live.search().related("article", 5).orElseThrow().stream()
            .filter(r -> r.passage().id().equals("commentary/paraphrase#p1"))
            .findFirst()
            .orElseThrow();
    assertThat(paraphrase.similarity()).isBetween(0.8f, 1f);
  }

  private static List<String> similar(int paragraph) {
    return live.search().related("article", paragraph).orElseThrow().stream()
        .filter(r -> r.reason().equals("similar"))
        .map(r -> r.passage().id())
        .toList();
  }
}
