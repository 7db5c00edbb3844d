package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.corpus.Source;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches over the article beside commentary and comments, some of them hostile. */
class CorpusSearchTest {

  @TempDir static Path dir;

  static PassageSearch search;

  @BeforeAll
  static void indexACorpus() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    SeedCorpus.write(
        corpus,
        "commentary/analysis.txt",
        "Uranium and the steppe\nKazakhstan mines more uranium than any other country.\n");
    SeedCorpus.write(
        corpus,
        "comments/c1.txt",
        "Re: uranium\n<script>alert('uranium')</script> & \"quotes\" <b>bold</b>\n");
    search = SeedCorpus.indexed(corpus, dir);
  }

  @AfterAll
  static void close() throws IOException {
    search.close();
  }

  @Test
  void markupInTextComesBackEscapedWithOnlyMarksAdded() {
    Hit hit = search.search(new SearchRequest("alert", 10, 0, Set.of())).hits().getFirst();
    assertThat(hit.text()).isEqualTo("<script>alert('uranium')</script> & \"quotes\" <b>bold</b>");
    assertThat(hit.highlight())
        .isEqualTo(
            "&lt;script&gt;<mark>alert</mark>(&#x27;uranium&#x27;)&lt;&#x2F;script&gt; &amp;"
                + " &quot;quotes&quot; &lt;b&gt;bold&lt;&#x2F;b&gt;");
  }

  @Test
  void markupInTheQueryIsJustWords() {
    SearchResult result = search.search(SearchRequest.of("<b>uranium</b>"));
    assertThat(result.hits()).isNotEmpty();
    assertThat(result.hits())
        .allSatisfy(
            h ->
                assertThat(h.highlight().replace("<mark>", "").replace("</mark>", ""))
                    .doesNotContain("<"));
  }

  @Test
  void sourcesCanBeChosenInTheQueryOrTheRequest() {
    assertThat(search.search(SearchRequest.of("uranium")).hits())
        .extracting(Hit::source)
        .containsExactlyInAnyOrder("article", "commentary", "commentary", "comment", "comment");
    assertThat(search.search(SearchRequest.of("uranium source:commentary")).hits())
        .extracting(Hit::id)
        .containsExactlyInAnyOrder("commentary/analysis#title", "commentary/analysis#p1");
    assertThat(search.search(SearchRequest.of("uranium source:article|comment")).total())
        .isEqualTo(3);
    assertThat(search.search(SearchRequest.of("uranium -source:comment")).total()).isEqualTo(3);
    assertThat(search.search(new SearchRequest("uranium", 10, 0, Set.of(Source.COMMENT))).hits())
        .extracting(Hit::doc)
        .containsOnly("comments/c1");
  }

  @Test
  void aSourceFilterAloneListsThatSource() {
    assertThat(search.search(SearchRequest.of("source:commentary")).total()).isEqualTo(2);
  }

  @Test
  void documentsAreListedById() {
    assertThat(search.documents())
        .extracting(DocumentSummary::id, DocumentSummary::source, DocumentSummary::passages)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("article", "article", 15),
            org.assertj.core.groups.Tuple.tuple("commentary/analysis", "commentary", 2),
            org.assertj.core.groups.Tuple.tuple("comments/c1", "comment", 2));
  }
}
