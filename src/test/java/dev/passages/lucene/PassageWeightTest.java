package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.corpus.Metadata;
import dev.passages.corpus.Passage;
import dev.passages.corpus.PassageKind;
import dev.passages.corpus.Source;
import dev.passages.search.Hit;
import dev.passages.search.Matched;
import dev.passages.search.QuerySyntax;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Titles and headings weigh less than paragraphs in the ranking, and a page another engine found is
 * marked as the embedded engine marks its own.
 */
class PassageWeightTest {

  @TempDir static Path dir;

  static DirectoryReader reader;
  static HighlightingSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    Path corpus = dir.resolve("corpus");
    // The title and the paragraph hold "uranium" alike: BM25 scores them the same.
    SeedCorpus.write(
        corpus, "commentary/mines.txt", "Uranium mines here\nUranium mines here.\nOil wells.\n");
    reader = FixtureIndexes.indexedReader(corpus, dir.resolve("index"));
    searcher = new HighlightingSearcher(reader);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
  }

  static final Query URANIUM = new TermQuery(new Term(Schema.TEXT, "uranium"));

  static String id(int doc) throws IOException {
    return PassageDocuments.fromDocument(searcher.storedFields().document(doc)).passage().id();
  }

  @Test
  void aTitleScoresItsWeightTimesWhatAParagraphSayingTheSameScores() throws IOException {
    ScoreDoc[] plain = searcher.search(URANIUM, 10).scoreDocs;
    assertThat(plain).hasSize(2);
    assertThat(plain[0].score).isEqualTo(plain[1].score);

    ScoreDoc[] weighted = searcher.search(new PassageWeightQuery(URANIUM), 10).scoreDocs;
    assertThat(id(weighted[0].doc)).isEqualTo("commentary/mines#p1");
    assertThat(weighted[0].score).isEqualTo(plain[0].score);
    assertThat(id(weighted[1].doc)).isEqualTo("commentary/mines#title");
    assertThat(weighted[1].score).isEqualTo(plain[0].score * Schema.SHORT_PASSAGE_WEIGHT);
    // Counting needs no scores, and finds the same passages.
    assertThat(searcher.count(new PassageWeightQuery(URANIUM))).isEqualTo(2);
  }

  @Test
  void theExplanationSaysTheScoreAndTheWeight() throws IOException {
    Query weighted = new PassageWeightQuery(URANIUM);
    for (ScoreDoc hit : searcher.search(weighted, 10).scoreDocs) {
      Explanation why = searcher.explain(weighted, hit.doc);
      assertThat(why.isMatch()).isTrue();
      assertThat(why.getValue().floatValue()).isEqualTo(hit.score);
      assertThat(why.getDetails()[1].getDescription()).isEqualTo("passage weight");
    }
    int oil = searcher.search(new TermQuery(new Term(Schema.TEXT, "oil")), 1).scoreDocs[0].doc;
    assertThat(searcher.explain(weighted, oil).isMatch()).isFalse();
  }

  @Test
  void aWeightedQueryIsItsQueryWeighted() throws IOException {
    PassageWeightQuery weighted = new PassageWeightQuery(URANIUM);
    assertThat(weighted.query()).isEqualTo(URANIUM);
    assertThat(weighted).isEqualTo(new PassageWeightQuery(URANIUM));
    assertThat(weighted).hasSameHashCodeAs(new PassageWeightQuery(URANIUM));
    assertThat(weighted).isNotEqualTo(new PassageWeightQuery(new TermQuery(new Term("x", "y"))));
    assertThat(weighted).isNotEqualTo(URANIUM);
    assertThat(weighted.toString()).isEqualTo("weighted(text:uranium)");
    Set<Term> terms = new HashSet<>();
    weighted.visit(QueryVisitor.termCollector(terms));
    assertThat(terms).containsExactly(new Term(Schema.TEXT, "uranium"));
  }

  @Test
  void aPageFoundElsewhereIsMarkedInTheOrderGiven() {
    Query marked = LuceneQueries.toLucene(QuerySyntax.parse("uranium")).marked();
    List<Hit> hits =
        PageMarker.mark(
            marked,
            List.of(
                ranked("Oil and uranium.", 2, 3f, Matched.SOME),
                ranked("Uranium here.", 1, 2f, Matched.ALL)));
    assertThat(hits).extracting(Hit::id).containsExactly("commentary/x#p2", "commentary/x#p1");
    assertThat(hits).extracting(Hit::score).containsExactly(3f, 2f);
    assertThat(hits).extracting(Hit::matched).containsExactly(Matched.SOME, Matched.ALL);
    assertThat(hits)
        .extracting(Hit::highlight)
        .containsExactly("Oil and <mark>uranium</mark>.", "<mark>Uranium</mark> here.");
    assertThat(PageMarker.mark(marked, List.of())).isEmpty();
  }

  static PageMarker.Ranked ranked(String text, int paragraph, float score, Matched matched) {
    Passage passage = Passage.of("commentary/x", PassageKind.PARAGRAPH, paragraph, null, text);
    return new PageMarker.Ranked(
        new IndexedPassage(passage, "X", Source.COMMENTARY, paragraph, Metadata.NONE),
        score,
        matched);
  }
}
