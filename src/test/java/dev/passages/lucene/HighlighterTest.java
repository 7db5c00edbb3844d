package dev.passages.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.search.EnginePage;
import dev.passages.search.EngineQuery;
import dev.passages.search.Hit;
import dev.passages.search.QuerySyntax;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hit shows: its passage whole up to {@value Hit#WHOLE_UP_TO_CHARS} characters and past that
 * its best windows, with every match marked and every match offset given.
 */
class HighlighterTest {

  static final String S1 =
      "Uranium appears once in this opening sentence, which goes on for a while to fill its share of space. ";
  static final String S2 =
      "Nothing of interest is said here at all, only filler words that wander about for about as long too. ";
  static final String S3 =
      "Here uranium and more uranium and uranium again fill this sentence, which is the best one of all. ";
  static final String S4 =
      "A closing sentence without the word, long enough to need its own window in the excerpt shown here.";

  static final String S5 =
      " At the end uranium is named one last time, in a sentence as long as the others are here.";

  /** Article paragraphs holding "cobalt": more than are counted one by one. */
  private static final int COMMON = 1_001;

  @TempDir static Path dir;
  private static LuceneEngine engine;

  /** {@code start} and short sentences after it, to {@code length} characters. */
  static String padded(String start, int length) {
    StringBuilder text = new StringBuilder(start).append('.');
    while (text.length() < length - 1) {
      text.append(text.length() % 10 == 0 ? ". Z" : "z");
    }
    return text.append('.').toString();
  }

  /**
   * A paragraph of more distinct words starting with {@code prefix} than a prefix is read from the
   * postings for ({@link SharedWeightOffsets#MAX_PREFIX_WORDS}).
   */
  private static String manyWords(String prefix) {
    StringBuilder words = new StringBuilder();
    for (char a = 'b'; a <= 'e'; a++) {
      for (char b = 'a'; b <= 'j'; b++) {
        words.append(prefix).append(a).append(b).append(' ');
      }
    }
    return words.toString().strip() + ".";
  }

  @BeforeAll
  static void index() throws IOException {
    Path corpus = dir.resolve("corpus");
    SeedCorpus.write(
        corpus,
        "long.txt",
        "Long fixture\n"
            + S1
            + S2
            + S3
            + S4
            + S5
            + "\n"
            + "中国 and 日本 side by side.\n"
            + padded("Thorium at the start of exactly three hundred and twenty", 320)
            + "\n"
            + padded("Plutonium at the start of exactly three hundred and twenty one", 321)
            + "\n");
    SeedCorpus.write(
        corpus,
        "prefixes.txt",
        "Prefix fixture\n"
            + "Zorbal met zorbic friends, zorbing.\n"
            + "A quxaa and a quxab met.\n"
            + manyWords("qux")
            + "\n");
    SeedCorpus.write(corpus, "common.txt", "Common fixture\n" + "Cobalt mine.\n".repeat(COMMON));
    SeedCorpus.write(
        corpus, "commentary/cobalt.txt", "Commentary fixture\nCobalt one.\nCobalt two.\n");
    SeedCorpus.write(
        corpus, "comments/cobalt.txt", "Comment fixture\nCobalt a.\nCobalt b.\nCobalt c.\n");
    new Indexer(corpus, dir.resolve("index")).rebuild();
    engine = LuceneEngine.open(dir.resolve("index"));
  }

  @AfterAll
  static void close() throws IOException {
    engine.close();
  }

  static EnginePage find(String query) {
    return engine.find(new EngineQuery(QuerySyntax.parse(query), Set.of(), null, 0, 10));
  }

  private static Hit only(String query) {
    List<Hit> hits = find(query).hits();
    assertThat(hits).hasSize(1);
    return hits.getFirst();
  }

  private static List<String> offsets(Hit hit) {
    return hit.matches().stream().map(Arrays::toString).toList();
  }

  /**
   * Three windows of about 200 characters hold matches: the middle one (three matches) and the
   * first (one, as early as the last's) are shown, in reading order; every match's offset is given,
   * also the one in the window left out.
   */
  @Test
  void aLongPassageShowsItsBestTwoWindowsInReadingOrderAndEveryMatch() {
    Hit hit = only("uranium");

    assertThat(hit.text()).hasSize(486);
    assertThat(hit.highlight())
        .isEqualTo(
            "<mark>Uranium</mark>"
                + S1.substring(7)
                + S2
                + "Here <mark>uranium</mark> and more <mark>uranium</mark> and <mark>uranium</mark>"
                + " again fill this sentence, which is the best one of all. …");
    assertThat(offsets(hit))
        .containsExactly("[0, 7]", "[206, 213]", "[223, 230]", "[235, 242]", "[409, 416]");
  }

  /** Each Han character is a word of its own: two matches that touch stay two. */
  @Test
  void matchesThatTouchAreTwoMatches() {
    Hit hit = only("中 国");

    assertThat(hit.highlight()).isEqualTo("<mark>中</mark><mark>国</mark> and 日本 side by side.");
    assertThat(offsets(hit)).containsExactly("[0, 1]", "[1, 2]");
  }

  @Test
  void aPassageOfExactlyTheWholeLengthIsShownWhole() {
    Hit hit = only("thorium");

    assertThat(hit.text()).hasSize(Hit.WHOLE_UP_TO_CHARS);
    assertThat(hit.highlight()).isEqualTo("<mark>Thorium</mark>" + hit.text().substring(7));
  }

  @Test
  void aPassageOneCharacterLongerIsCutToItsBestWindow() {
    Hit hit = only("plutonium");

    assertThat(hit.text()).hasSize(Hit.WHOLE_UP_TO_CHARS + 1);
    assertThat(hit.highlight()).startsWith("<mark>Plutonium</mark> at the start").endsWith(". …");
    String shown = hit.highlight().replace("<mark>", "").replace("</mark>", "").replace(" …", "");
    assertThat(hit.text()).startsWith(shown);
    assertThat(shown.length()).isLessThan(Hit.EXCERPT_CHARS + 20);
    assertThat(offsets(hit)).containsExactly("[0, 9]");
  }

  /**
   * A word in more passages than are counted one by one is counted per source from the sources' own
   * lists: exact for each.
   */
  @Test
  void aCommonWordIsCountedExactlyPerSource() {
    EnginePage page = find("cobalt");

    assertThat(page.total()).isEqualTo(COMMON + 5);
    assertThat(page.totalExact()).isTrue();
    assertThat(page.counts())
        .extracting("article", "commentary", "comment", "exact")
        .containsExactly((long) COMMON, 2L, 3L, true);
  }

  /**
   * A prefix is marked wherever it matches, whether it stands for a few words of the index (read
   * from the postings) or for many (the passages analysed again).
   */
  @Test
  void aPrefixIsMarkedAlikeForFewWordsAndForMany() {
    Hit few = only("zorb*");
    assertThat(few.highlight())
        .isEqualTo("<mark>Zorbal</mark> met <mark>zorbic</mark> friends, <mark>zorbing</mark>.");
    assertThat(offsets(few)).containsExactly("[0, 6]", "[11, 17]", "[27, 34]");
    // Excluding a prefix of many words: marked as before, by analysis.
    assertThat(only("zorb* -qux*").highlight()).isEqualTo(few.highlight());

    List<Hit> many = find("qux*").hits();
    assertThat(many).hasSize(2);
    Hit shortOne =
        many.stream().filter(h -> h.text().startsWith("A quxaa")).findFirst().orElseThrow();
    assertThat(shortOne.highlight())
        .isEqualTo("A <mark>quxaa</mark> and a <mark>quxab</mark> met.");
    assertThat(offsets(shortOne)).containsExactly("[2, 7]", "[14, 19]");
    Hit longOne = many.stream().filter(h -> h != shortOne).findFirst().orElseThrow();
    assertThat(longOne.matches()).hasSize(40);
  }
}
