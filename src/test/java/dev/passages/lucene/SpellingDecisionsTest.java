package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.LiveSearch;
import dev.passages.SeedCorpus;
import dev.passages.search.SearchRequest;
import dev.passages.search.SearchResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spelling decisions are kept per index snapshot: they never outlive a change to the index. */
class SpellingDecisionsTest {

  @TempDir Path dir;

  @Test
  void aWordCorrectedBeforeIsSearchedAsTypedOnceTheIndexHoldsIt() throws Exception {
    Path corpus = SeedCorpus.copyTo(dir);
    try (LiveSearch live = LiveSearch.open(corpus, dir.resolve("index"))) {
      for (int i = 0; i < 2; i++) { // the second time from the kept decision
        SearchResult typo = live.search().search(SearchRequest.of("Kazakstan"));
        assertThat(typo.correctedFrom()).isEqualTo("Kazakstan");
        assertThat(typo.query()).isEqualTo("kazakhstan");
      }
      Files.writeString(
          Files.createDirectories(corpus.resolve("commentary")).resolve("spelling.txt"),
          "Old spellings\n\nKazakstan was how some maps spelled it.\n");
      live.index().update();
      SearchResult asTyped = live.search().search(SearchRequest.of("Kazakstan"));
      assertThat(asTyped.correctedFrom()).isNull();
      assertThat(asTyped.total()).isEqualTo(1);
      assertThat(asTyped.hits().getFirst().doc()).isEqualTo("commentary/spelling");
    }
  }
}
