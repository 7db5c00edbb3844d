package dev.passages.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model run in-process, against vectors of the same model from its reference runtime. */
class EmbedderTest {

  static Embedder embedder;

  @BeforeAll
  static void load() throws IOException {
    embedder = Embedder.load();
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  /**
   * {@code reference-vectors.tsv}: the vectors langchain4j 1.19's all-MiniLM-L6-v2-q model (DJL's
   * tokenizer, the same ONNX file) gives for three short texts.
   */
  @Test
  void givesTheReferenceRuntimesVectors() throws IOException {
    for (String line :
        Files.readAllLines(
            Path.of("src/test/resources/embedding/reference-vectors.tsv"),
            StandardCharsets.UTF_8)) {
      String[] parts = line.split("\t");
      String[] numbers = parts[1].split(" ");
      float[] reference = new float[numbers.length];
      for (int i = 0; i < numbers.length; i++) {
        reference[i] = Float.parseFloat(numbers[i]);
      }
      float[] ours = embedder.embed(parts[0]);
      assertThat(ours).hasSize(Embedder.DIMENSIONS);
      assertThat(Embedder.dot(ours, reference)).as(parts[0]).isGreaterThan(0.999f);
    }
  }

  @Test
  void textsOfSimilarMeaningAreCloserThanUnrelatedOnes() {
    float[] question = embedder.embed("how many people were killed in the riots");
    float[] answer =
        embedder.embed("Kazakh authorities have reported at least 164 deaths in the unrest.");
    float[] other = embedder.embed("The recipe calls for two cups of flour and an egg.");
    assertThat(Embedder.dot(question, answer)).isGreaterThan(Embedder.dot(question, other) + 0.2f);
  }

  @Test
  void aLongTextIsReadToItsEndNotCutAt128Tokens() {
    String filler = "The committee met again on Tuesday to discuss the budget for next year. ";
    String ending = "Penguins waddle across the Antarctic ice to reach the sea.";
    String text = filler.repeat(12) + ending;
    assertThat(embedder.windows(text)).hasSizeGreaterThan(1);
    float[] whole = embedder.embed(text);
    float[] cut = embedder.embed(filler.repeat(12));
    float[] penguins = embedder.embed("penguins on the ice");
    assertThat(Embedder.dot(whole, penguins)).isGreaterThan(Embedder.dot(cut, penguins));
  }

  @Test
  void windowsKeepSentencesWholeAndStayWithinTheModelsLength() {
    String text = "One short sentence. ".repeat(40) + "word ".repeat(300);
    List<int[]> windows = embedder.windows(text);
    assertThat(windows)
        .allSatisfy(w -> assertThat(w.length).isLessThanOrEqualTo(Embedder.WINDOW_PIECES + 2));
    assertThat(windows.getFirst()[0]).isEqualTo(WordPieceTokenizer.CLS);
  }

  @Test
  void sentencesAreSpansOfTheTextWithoutTrailingSpace() {
    String text = "First one.  Second one? Third";
    assertThat(Embedder.sentenceSpans(text))
        .extracting(s -> text.substring(s.start(), s.end()))
        .containsExactly("First one.", "Second one?", "Third");
  }

  @Test
  void aTextAlwaysGetsTheSameVector() {
    List<String> texts = List.of("a short one", "a somewhat longer sentence about oil and gas");
    List<float[]> together = embedder.embedAll(texts);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(together.get(i)).isEqualTo(embedder.embed(texts.get(i)));
    }
    assertThat(embedder.embed("")).containsOnly(0f);
  }
}
