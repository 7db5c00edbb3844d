package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The searcher that keeps its words' places in the index, and its short passages, from one query to
 * the next.
 */
class HighlightingSearcherTest {

  @TempDir Path dir;

  @Test
  void aWordKeptFromAnEarlierQueryWeighsAsAFreshLookUpWould() throws IOException {
    SeedCorpus.write(
        dir.resolve("corpus"),
        "worlds.txt",
        "Worlds\nThe world is wide.\nOther worlds are far.\nA world of difference, a new world.\n");
    try (DirectoryReader reader =
        FixtureIndexes.indexedReader(dir.resolve("corpus"), dir.resolve("index"))) {
      HighlightingSearcher keeping = new HighlightingSearcher(reader);
      IndexSearcher plain = new IndexSearcher(reader);
      // The same word in both views, with different statistics: the keyword view has "worlds" as
      // "world", the exact view does not.
      Query query =
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(Schema.TEXT, "world")), Occur.SHOULD)
              .add(
                  new BoostQuery(new TermQuery(new Term(Schema.TEXT_EXACT, "world")), 0.3f),
                  Occur.SHOULD)
              .build();
      assertThat(reader.docFreq(new Term(Schema.TEXT, "world")))
          .isGreaterThan(reader.docFreq(new Term(Schema.TEXT_EXACT, "world")));
      List<String> fresh = scored(plain.search(query, 10));
      assertThat(fresh).hasSize(4);
      // The first time looks the words up; the second reads what the first kept.
      assertThat(scored(keeping.search(query, 10))).isEqualTo(fresh);
      assertThat(scored(keeping.search(query, 10))).isEqualTo(fresh);
      assertThat(keeping.explain(query, 0).getValue())
          .isEqualTo(plain.explain(query, 0).getValue());
    }
  }

  @Test
  void aShortPassageIsReadOnceInASnapshotAndALongOneEachTime() throws IOException {
    String longText = "A long one " + "with many words ".repeat(200) + "ends here.";
    assertThat(longText).hasSizeGreaterThan(HighlightingSearcher.KEPT_UP_TO_CHARS);
    SeedCorpus.write(dir.resolve("corpus"), "both.txt", "Both\nA short one.\n" + longText + "\n");
    try (DirectoryReader reader =
        FixtureIndexes.indexedReader(dir.resolve("corpus"), dir.resolve("index"))) {
      HighlightingSearcher searcher = new HighlightingSearcher(reader);
      List<String> kept = new ArrayList<>();
      List<String> readAgain = new ArrayList<>();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        IndexedPassage first = searcher.passageReads().read(doc);
        // Another request's reads: what the first kept, or the same passage read afresh.
        IndexedPassage second = searcher.passageReads().read(doc);
        assertThat(second).isEqualTo(first);
        (second == first ? kept : readAgain).add(first.passage().text());
      }
      assertThat(kept).contains("A short one.");
      assertThat(readAgain).containsExactly(longText);
    }
  }

  private static List<String> scored(TopDocs top) {
    return Arrays.stream(top.scoreDocs).map(hit -> hit.doc + ":" + hit.score).toList();
  }
}
