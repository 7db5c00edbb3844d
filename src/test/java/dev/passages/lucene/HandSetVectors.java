package dev.passages.lucene;

import dev.passages.embedding.Embedder;
import dev.passages.index.CorpusIndex;
import dev.passages.index.PassageText;
import dev.passages.index.PassageVector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Indexes whose vectors are set by hand instead of by the model: every cosine is known, and no
 * model is loaded. A vector is any unit vector of the model's dimensions.
 */
final class HandSetVectors {

  private HandSetVectors() {}

  /**
   * {@code corpus} indexed afresh into {@code index}, each passage given {@code vectorOf} its text
   * (none where that is null), committed and searchable. The caller closes the writer.
   */
  static LuceneWriter index(Path corpus, Path index, Function<String, float[]> vectorOf)
      throws IOException {
    return index(corpus, index, vectorOf, text -> false);
  }

  /**
   * As {@link #index(Path, Path, Function)}, the passages whose text is {@code later} given their
   * vectors in a second batch, committed after the first: they lie in a segment of their own.
   */
  static LuceneWriter index(
      Path corpus, Path index, Function<String, float[]> vectorOf, Predicate<String> later)
      throws IOException {
    LuceneWriter writer = LuceneWriter.open(index, true);
    new CorpusIndex(corpus, writer).update();
    List<PassageVector> first = new ArrayList<>();
    List<PassageVector> second = new ArrayList<>();
    for (PassageText passage : writer.withoutVectors(10_000)) {
      float[] vector = vectorOf.apply(passage.text());
      if (vector != null) {
        (later.test(passage.text()) ? second : first)
            .add(new PassageVector(passage.id(), passage.text(), vector));
      }
    }
    for (List<PassageVector> batch : List.of(first, second)) {
      writer.putVectors(batch);
      writer.commit(null);
      writer.refresh();
    }
    return writer;
  }

  /**
   * The unit vector at {@code cosine} to axis {@code toward}, the rest of it along {@code side}.
   */
  static float[] at(int toward, int side, float cosine) {
    float[] vector = new float[Embedder.DIMENSIONS];
    vector[toward] = cosine;
    vector[side] = (float) Math.sqrt(1 - cosine * cosine);
    return vector;
  }
}
