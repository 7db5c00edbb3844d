package dev.passages.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.embedding.EmbeddingModel;
import dev.passages.index.CorpusIndex;
import dev.passages.index.IndexReport;
import dev.passages.index.PassageText;
import dev.passages.index.PassageVector;
import dev.passages.index.VectorCounts;
import dev.passages.search.PassageSearch;
import dev.passages.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code passages index --engine opensearch} as a sync: a run over an unchanged corpus changes
 * nothing, an edited document replaces its passages (and drops those it no longer has), a deleted
 * file's passages go, and a new writer (another run) knows what the index holds.
 */
@ExtendWith(LocalCluster.class)
class ClusterSyncTest {

  @TempDir Path dir;

  @Test
  void eachRunSendsOnlyWhatChangedAndLeavesNothingStale(LocalCluster.Running running)
      throws IOException {
    Path corpus = SeedCorpus.copyWithCommentary(dir);
    SeedCorpus.write(
        corpus,
        "commentary/notes.txt",
        "Field notes\n\nTengiz wells first.\n\nSecond paragraph about Karachaganak.\n\n"
            + "Third paragraph about Kashagan.\n");
    try (Cluster cluster = running.connect()) {
      IndexReport first = sync(cluster, corpus, true);
      assertThat(first.added()).isEqualTo(4);
      PassageSearch search = search(cluster);
      int passages = search.passageCount();
      assertThat(hits(search, "Kashagan")).isEqualTo(1);

      // Run again: nothing to send.
      IndexReport again = sync(cluster, corpus, false);
      assertThat(again.unchanged()).isEqualTo(4);
      assertThat(again.added() + again.updated() + again.removed()).isZero();

      // A shorter document: its last paragraph must not linger under its old id.
      SeedCorpus.write(corpus, "commentary/notes.txt", "Field notes\n\nTengiz wells first.\n");
      IndexReport edited = sync(cluster, corpus, false);
      assertThat(edited.updated()).isEqualTo(1);
      assertThat(hits(search, "Kashagan")).isZero();
      assertThat(hits(search, "Karachaganak")).isZero();
      assertThat(search.passageCount()).isEqualTo(passages - 2);
      assertThat(search.document("commentary/notes").orElseThrow().passages()).hasSize(2);

      // A deleted file: its passages go.
      Files.delete(corpus.resolve("commentary/notes.txt"));
      IndexReport removed = sync(cluster, corpus, false);
      assertThat(removed.removed()).isEqualTo(1);
      assertThat(hits(search, "Tengiz")).isZero();
      assertThat(search.exists("commentary/notes")).isFalse();
      assertThat(search.passageCount()).isEqualTo(passages - 4);
    }
  }

  /**
   * Vectors are kept beside the passages (for a vector search to come): given only to passages
   * whose text is still the one embedded.
   */
  @Test
  void vectorsGoOnlyToPassagesWhoseTextIsUnchanged(LocalCluster.Running running)
      throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    try (Cluster cluster = running.connect();
        OpenSearchWriter writer = OpenSearchWriter.open(cluster, "vectors", 1, 0, true)) {
      CorpusIndex index = new CorpusIndex(corpus, writer);
      index.update();
      List<PassageText> waiting = writer.withoutVectors(100);
      assertThat(waiting).hasSize(15);
      assertThat(writer.vectorCounts()).isEqualTo(new VectorCounts(0, 15));
      float[] unit = new float[384];
      unit[0] = 1;
      List<PassageVector> vectors = new ArrayList<>();
      for (PassageText passage : waiting) {
        vectors.add(new PassageVector(passage.id(), passage.text(), unit));
      }
      // One was embedded from a text that has changed since.
      vectors.set(0, new PassageVector(waiting.get(0).id(), "an older text", unit));
      assertThat(index.putVectors(vectors)).isEqualTo(14);
      assertThat(writer.vectorCounts()).isEqualTo(new VectorCounts(14, 15));
      assertThat(writer.withoutVectors(100))
          .extracting(PassageText::id)
          .containsExactly(waiting.get(0).id());
    }
  }

  /** One `passages index` run: a new writer over the same index, as each run opens one. */
  private static IndexReport sync(Cluster cluster, Path corpus, boolean fromScratch)
      throws IOException {
    try (CorpusIndex index =
        new CorpusIndex(corpus, OpenSearchWriter.open(cluster, "sync", 1, 1, fromScratch))) {
      return index.update();
    }
  }

  private static PassageSearch search(Cluster cluster) {
    return new PassageSearch(OpenSearchWriter.reader(cluster, "sync"), 0, EmbeddingModel.off());
  }

  private static long hits(PassageSearch search, String query) {
    return search.search(new SearchRequest(query, 10, 0, Set.of())).total();
  }
}
