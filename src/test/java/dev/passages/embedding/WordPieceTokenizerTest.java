package dev.passages.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our tokenizer against HuggingFace's: {@code wordpiece-golden.tsv} holds the ids its tokenizer
 * (ai.djl.huggingface:tokenizers 0.36.0, the model's tokenizer.json, no truncation) gave for the
 * lines of the seed article and 73 edge cases: accents, CJK, Korean, Arabic, emoji, control and
 * zero-width characters, words of 100 and 101 characters, symbols, URLs.
 */
class WordPieceTokenizerTest {

  static WordPieceTokenizer tokenizer;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream json = Embedder.resource(Embedder.TOKENIZER)) {
      tokenizer = WordPieceTokenizer.fromJson(json);
    }
  }

  @Test
  void givesHuggingFacesIdsForEveryGoldenText() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Path.of("src/test/resources/embedding/wordpiece-golden.tsv"), StandardCharsets.UTF_8);
    assertThat(lines).hasSizeGreaterThan(80);
    for (String line : lines) {
      int tab = line.lastIndexOf('\t');
      String text = unescape(line.substring(0, tab));
      int[] expected =
          Arrays.stream(line.substring(tab + 1).split(" ")).mapToInt(Integer::parseInt).toArray();
      assertThat(tokenizer.encode(text))
          .as("ids of %s", line.substring(0, tab))
          .isEqualTo(expected);
    }
  }

  @Test
  void aWordIsKeptWholeAsItsPieces() {
    List<int[]> words = tokenizer.words("Hyperparameterization, naïve!");
    assertThat(words).hasSize(4); // the word, ",", "naive", "!"
    assertThat(words.getFirst().length).isGreaterThan(1);
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        switch (next) {
          case 't' -> out.append('\t');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          default -> out.append(next);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
