package dev.passages.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.LiveSearch;
import dev.passages.SeedCorpus;
import dev.passages.TestModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passages get their vectors after their words are indexed, and only changed ones again. */
class VectorFillTest {

  @TempDir Path dir;

  @Test
  void everyPassageGetsAVectorAndOnlyChangedOnesAreEmbeddedAgain() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    SeedCorpus.write(corpus, "commentary/note.txt", "A note\nFirst thought.\nSecond thought.\n");
    try (LiveSearch live = LiveSearch.withMeaning(corpus, dir.resolve("index"))) {
      CorpusIndex index = live.index();
      VectorCounts counts = index.vectorCounts();
      assertThat(counts.passages()).isEqualTo(18);
      assertThat(counts.pending()).isZero();

      SeedCorpus.write(corpus, "commentary/note.txt", "A note\nFirst thought.\nThird thought.\n");
      index.update();
      // The whole document is replaced, so its three passages wait; the article's keep theirs.
      assertThat(index.vectorCounts().pending()).isEqualTo(3);
      assertThat(live.embed()).isEqualTo(3);
      assertThat(index.vectorCounts().pending()).isZero();
    }
  }

  @Test
  void aVectorMadeForTextThatChangedMeanwhileIsNotStored() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    SeedCorpus.write(corpus, "commentary/note.txt", "A note\nThe old words.\n");
    try (LiveSearch live = LiveSearch.open(corpus, dir.resolve("index"))) {
      CorpusIndex index = live.index();
      List<PassageText> pending = index.withoutVectors(100);
      PassageText old =
          pending.stream()
              .filter(p -> p.id().equals("commentary/note#p1"))
              .findFirst()
              .orElseThrow();
      float[] vector = TestModel.shared().now().orElseThrow().embed(old.text());

      SeedCorpus.write(corpus, "commentary/note.txt", "A note\nThe new words.\n");
      index.update();
      assertThat(index.putVectors(List.of(new PassageVector(old.id(), old.text(), vector))))
          .as("the passage has new text: the old text's vector is not stored")
          .isZero();
      assertThat(index.withoutVectors(100))
          .filteredOn(p -> p.id().equals("commentary/note#p1"))
          .singleElement()
          .extracting(PassageText::text)
          .isEqualTo("The new words.");
    }
  }

  @Test
  void vectorsSurviveARestartAndTheFillResumesWhereItStopped() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    Path indexDir = dir.resolve("index");
    try (LiveSearch live = LiveSearch.open(corpus, indexDir)) {
      CorpusIndex index = live.index();
      List<PassageText> some = index.withoutVectors(5);
      var embedder = TestModel.shared().now().orElseThrow();
      index.putVectors(
          some.stream()
              .map(p -> new PassageVector(p.id(), p.text(), embedder.embed(p.text())))
              .toList());
      index.commit();
      assertThat(index.vectorCounts().embedded()).isEqualTo(5);
    }
    try (LiveSearch again = LiveSearch.open(corpus, indexDir)) {
      assertThat(again.index().vectorCounts().embedded()).as("kept by the commit").isEqualTo(5);
      assertThat(again.embed()).isEqualTo(again.index().vectorCounts().passages() - 5);
    }
  }
}
