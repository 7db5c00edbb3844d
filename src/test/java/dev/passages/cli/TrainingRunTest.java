package dev.passages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {

  @TempDir Path dir;

  @Test
  void theSampleTakesTheFilesThatFitInPathOrderAndKeepsTheirPlaces() throws Exception {
    Path corpus = dir.resolve("corpus");
    int half = (int) (TrainingRun.SAMPLE_BYTES / 2);
    write(corpus.resolve("article.txt"), half);
    write(corpus.resolve("commentary/a-long.txt"), half + 1); // one byte too many after the article
    write(corpus.resolve("commentary/b-short.md"), half); // exactly what is left
    write(corpus.resolve(".hidden/notes.txt"), 10);
    Path sample = dir.resolve("sample");
    TrainingRun.sampleCorpus(corpus, sample);
    assertThat(files(sample)).containsExactly("article.txt", "commentary/b-short.md");
  }

  @Test
  void whenNoFileFitsTheSmallestIsTaken() throws Exception {
    Path corpus = dir.resolve("corpus");
    long over = TrainingRun.SAMPLE_BYTES + 1;
    write(corpus.resolve("a.txt"), (int) over + 5);
    write(corpus.resolve("b.txt"), (int) over);
    Path sample = dir.resolve("sample");
    TrainingRun.sampleCorpus(corpus, sample);
    assertThat(files(sample)).containsExactly("b.txt");
  }

  private static void write(Path file, int bytes) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "word ".repeat(bytes / 5) + "x".repeat(bytes % 5));
  }

  private static Object[] files(Path folder) throws Exception {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .map(path -> folder.relativize(path).toString())
          .sorted()
          .toArray();
    }
  }
}
