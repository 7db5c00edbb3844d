package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.search.QuerySyntax;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the words' statistics tell of a query's matches without searching: never fewer than the
 * search finds, and "surely matches" only where it does.
 */
class MatchBoundTest {

  /** Words, phrases, prefixes, ORs, exclusions, filters, questions; some match nothing. */
  private static final List<String> QUERIES =
      List.of(
          "uranium",
          "sanctions China",
          "\"color revolution\"",
          "\"Putin West\"~3",
          "oil OR gas",
          "kazakh*",
          "Tokayev -request",
          "Sino-Kazakh",
          "wombat",
          "uranium wombat",
          "\"uranium wombat\"",
          "wombat OR numbat",
          "source:commentary sanctions",
          "why does the Kremlin care about Kazakhstan's oil and uranium",
          "what did China say about the Russian-led forces");

  @TempDir Path dir;

  @Test
  void noBoundIsBelowTheMatchesAndAWordIsKnownExactly() throws IOException {
    Path corpus = SeedCorpus.copyWithCommentary(dir);
    try (DirectoryReader reader = FixtureIndexes.indexedReader(corpus, dir.resolve("index"))) {
      HighlightingSearcher searcher = new HighlightingSearcher(reader);
      int words = 0;
      int surely = 0;
      for (Query query : queriesAndTheirParts()) {
        int count = searcher.count(query);
        long atMost = MatchBound.atMost(searcher, query);
        assertThat(atMost).as("%s matches %d", query, count).isGreaterThanOrEqualTo(count);
        boolean matches = MatchBound.surelyMatches(searcher, query);
        if (matches) {
          surely++;
          assertThat(count).as("%s surely matches", query).isPositive();
        }
        if (query instanceof TermQuery) {
          words++;
          assertThat(atMost).as(query.toString()).isEqualTo(count);
          assertThat(matches).as(query.toString()).isEqualTo(count > 0);
        }
      }
      assertThat(words).isGreaterThan(10);
      assertThat(surely).isGreaterThan(10);
    }
  }

  @Test
  void everyPartOfAQueryIsBoundByItsRarestPart() throws IOException {
    Path corpus = SeedCorpus.copyWithCommentary(dir);
    try (DirectoryReader reader = FixtureIndexes.indexedReader(corpus, dir.resolve("index"))) {
      HighlightingSearcher searcher = new HighlightingSearcher(reader);
      LuceneQueries.PassageQuery query = compiled("sanctions China");
      long rarest = Long.MAX_VALUE;
      for (Query part : query.parts()) {
        rarest = Math.min(rarest, searcher.count(part));
      }
      assertThat(rarest).isPositive();
      assertThat(MatchBound.atMost(searcher, query.all())).isEqualTo(rarest);
      // Words no passage holds bound a phrase and an OR of them at nothing.
      assertThat(MatchBound.atMost(searcher, compiled("\"uranium wombat\"").matching())).isZero();
      assertThat(MatchBound.atMost(searcher, compiled("wombat OR numbat").matching())).isZero();
      // A prefix stands for words the statistics do not list.
      assertThat(MatchBound.atMost(searcher, compiled("kazakh*").matching()))
          .isEqualTo(MatchBound.UNKNOWN);
    }
  }

  @Test
  void aWordWhosePassagesWereDeletedIsNotSaidToMatch() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    Path index = dir.resolve("index");
    new Indexer(corpus, index).rebuild();
    Term uranium = new Term(Schema.TEXT, "uranium");
    try (FSDirectory directory = FSDirectory.open(index)) {
      // Deleted but not merged away: the word's frequency still counts its passage.
      try (IndexWriter writer =
          new IndexWriter(
              directory,
              new IndexWriterConfig(Schema.ANALYZER).setMergePolicy(NoMergePolicy.INSTANCE))) {
        writer.deleteDocuments(uranium);
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertThat(reader.hasDeletions()).isTrue();
        HighlightingSearcher searcher = new HighlightingSearcher(reader);
        TermQuery word = new TermQuery(uranium);
        assertThat(searcher.count(word)).isZero();
        assertThat(MatchBound.atMost(searcher, word)).isPositive();
        assertThat(MatchBound.surelyMatches(searcher, word)).isFalse();
        assertThat(
                MatchBound.surelyMatches(searcher, new TermQuery(new Term(Schema.TEXT, "china"))))
            .as("not known either for a word still held: the index has deletions")
            .isFalse();
      }
    }
  }

  private static List<Query> queriesAndTheirParts() {
    List<Query> all = new ArrayList<>();
    for (String typed : QUERIES) {
      LuceneQueries.PassageQuery query = compiled(typed);
      all.add(query.ranked());
      all.add(query.matching());
      if (query.all() != null) {
        all.add(query.all());
      }
      all.addAll(query.parts());
    }
    return all;
  }

  private static LuceneQueries.PassageQuery compiled(String typed) {
    return LuceneQueries.toLucene(QuerySyntax.parse(typed));
  }
}
