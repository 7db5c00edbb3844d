package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.search.Correction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Corrections and the vocabulary behind completions, from the index's own words: how far a
 * correction may be at each word length, and what the vocabulary answers at its limits.
 */
class SpellingTest {

  /** A word of exactly {@link Spelling#MAX_WORD_CHARS} letters. */
  static final String LONGEST = "abcdefghij".repeat(4);

  @TempDir static Path dir;

  static DirectoryReader reader;
  static IndexVocabulary vocabulary;

  @BeforeAll
  static void index() throws IOException {
    Path corpus = dir.resolve("corpus");
    SeedCorpus.write(
        corpus,
        "commentary/words.txt",
        """
        Words
        The uranium miner walked to the mine.
        The pipeline crossed the oilfields of Kazakhstan.
        The uranium pipeline was long.
        The uranium road was short.
        The word %s is long.
        The word %sk is longer.
        """
            .formatted(LONGEST, LONGEST));
    reader = FixtureIndexes.indexedReader(corpus, dir.resolve("index"));
    vocabulary = new IndexVocabulary(new HighlightingSearcher(reader));
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
  }

  @ParameterizedTest(name = "[{0}] is corrected to [{1}]")
  @CsvSource({
    "uranim, uranium", // one edit
    "minar, miner", // five letters: one edit
    "mune, mune", // four letters: none
    "oylfaelds, oilfields", // nine letters: two edits
    "pypelyne, pypelyne", // eight letters: one edit only
    "pipelyne, pipeline",
    "Kazakstan, kazakhstan",
    "uranium, uranium", // in the index
  })
  void aWordIsCorrectedAsFarAsItsLengthAllows(String typed, String corrected) {
    Optional<Correction> correction = Spelling.correct(vocabulary, typed);
    assertThat(correction.map(Correction::query).orElse(typed)).isEqualTo(corrected);
    correction.ifPresent(c -> assertThat(c.fixes()).isEqualTo(Map.of(corrected, typed)));
  }

  @Test
  void aWordOfUpToFortyLettersIsCorrected() {
    String typo = LONGEST.substring(0, 39) + "x";
    assertThat(Spelling.correct(vocabulary, typo)).map(Correction::query).hasValue(LONGEST);
    String longer = LONGEST + "x"; // one edit from the indexed 41 letters, but too long a word
    assertThat(Spelling.correct(vocabulary, longer)).isEmpty();
  }

  @Test
  void theVocabularyKnowsItsWordsAsIndexed() throws IOException {
    assertThat(vocabulary.contains("uranium")).isTrue();
    assertThat(vocabulary.contains("uranim")).isFalse();
    assertThat(vocabulary.frequency("uranium")).isEqualTo(3);
    assertThat(vocabulary.frequency("uranim")).isZero();
    assertThat(vocabulary.closest("pypelyne", 1)).isEmpty();
    assertThat(vocabulary.closest("pypelyne", 2)).hasValue("pipeline");
    assertThat(vocabulary.closest("uranim", 2)).hasValue("uranium");
  }

  @Test
  void wordsStartingWithAPrefixComeInOrderUpToTheMost() throws IOException {
    assertThat(vocabulary.startingWith("o", 5))
        .containsExactly(Map.entry("of", 1), Map.entry("oilfields", 1));
    assertThat(vocabulary.startingWith("w", 2))
        .containsExactly(Map.entry("walked", 1), Map.entry("was", 2));
    assertThat(vocabulary.startingWith("w", 3))
        .containsExactly(Map.entry("walked", 1), Map.entry("was", 2), Map.entry("word", 2));
    assertThat(vocabulary.startingWith("", 3)).isEmpty();
    assertThat(vocabulary.startingWith("zz", 3)).isEmpty();
  }

  @Test
  void pairsAreCountedUpToTheCapAndOnlyWhenSeen() throws IOException {
    assertThat(vocabulary.pairCounts("uranium", List.of("miner", "pipeline", "road", "oil"), 5))
        .containsExactly(Map.entry("miner", 1), Map.entry("pipeline", 1), Map.entry("road", 1));
    assertThat(vocabulary.pairCounts("the", List.of("uranium"), 2))
        .containsExactly(Map.entry("uranium", 2));
    assertThat(vocabulary.pairCounts("the", List.of("uranium"), 4))
        .containsExactly(Map.entry("uranium", 3));
  }

  @Test
  void textsHoldingAWordComeUpToTheMostInIndexOrder() throws IOException {
    assertThat(vocabulary.textsHolding("uranium", 2))
        .containsExactly("The uranium miner walked to the mine.", "The uranium pipeline was long.");
    assertThat(vocabulary.textsHolding("kazakhstan", 5))
        .containsExactly("The pipeline crossed the oilfields of Kazakhstan.");
  }
}
