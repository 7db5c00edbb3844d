package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.embedding.Embedder;
import dev.passages.index.VectorCounts;
import dev.passages.search.CommentView;
import dev.passages.search.EnginePage;
import dev.passages.search.EngineQuery;
import dev.passages.search.Hit;
import dev.passages.search.QuerySyntax;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a passage keeps in the index and gives back: its section, weight, comment fields, vector.
 */
class PassageDocumentsTest {

  @TempDir Path dir;
  private LuceneWriter writer;
  private LuceneEngine engine;

  /**
   * An index per test, not per class: PIT credits what a {@code @BeforeAll} runs to one test alone,
   * so a mutant of the indexing code would be checked against that test only.
   */
  @BeforeEach
  void index() throws IOException {
    Path corpus = dir.resolve("corpus");
    SeedCorpus.write(
        corpus,
        "zircon.txt",
        "Zircon\nThe opening paragraph says nothing of note.\nA heading\nZircon.\nA second one.\n");
    SeedCorpus.write(
        corpus,
        "comments/first.txt",
        "---\nauthor: Jane Doe\ndate: 2026-01-02\nabout: zircon#p2\n---\nOn zircon\n\nWell said.\n");
    // A text of no words has the zero vector: stored as embedded, never found by meaning.
    writer =
        HandSetVectors.index(corpus, dir.resolve("index"), text -> new float[Embedder.DIMENSIONS]);
    engine = LuceneEngine.live(writer);
  }

  @AfterEach
  void close() throws IOException {
    writer.close();
  }

  private EnginePage find(String query, float[] meaning) {
    return engine.find(
        new EngineQuery(QuerySyntax.parse(query), Set.of(), null, 0, 10, meaning, false));
  }

  /** Title and paragraph are the same word, but a title weighs less. */
  @Test
  void aParagraphOutranksATitleOfTheSameWords() {
    assertThat(find("zircon", null).hits())
        .extracting(Hit::id)
        .containsExactly("zircon#p2", "zircon#title", "comments/first#title");
  }

  @Test
  void aParagraphUnderAHeadingKeepsItsSection() {
    Hit hit = find("zircon", null).hits().getFirst();
    assertThat(hit.section()).isEqualTo("A heading");
    assertThat(engine.document("zircon").orElseThrow().passages())
        .extracting(p -> p.id() + " " + p.section())
        .containsExactly(
            "zircon#title null",
            "zircon#p1 null",
            "zircon#h1 null",
            "zircon#p2 A heading",
            "zircon#p3 A heading");
  }

  @Test
  void aCommentKeepsItsAuthorDateAndParagraph() {
    List<CommentView> comments = engine.commentsOn("zircon");
    assertThat(comments)
        .containsExactly(
            new CommentView("first", "zircon", 2, "Jane Doe", "2026-01-02", "Well said."));
  }

  @Test
  void vectorsOfNoLengthMarkPassagesEmbeddedButFindNothing() throws IOException {
    assertThat(writer.vectorCounts()).isEqualTo(new VectorCounts(7, 7));
    float[] meaning = new float[Embedder.DIMENSIONS];
    meaning[0] = 1;
    EnginePage page = find("nothing", meaning);
    assertThat(page.byMeaning()).isZero();
    assertThat(page.hits()).extracting(Hit::id).containsExactly("zircon#p1");
  }
}
