package dev.passages.analysis;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.IOUtils;

/**
 * The two views of text that indexing, querying and highlighting share. There is no other Analyzer
 * in the program, so the three cannot drift apart.
 *
 * <ul>
 *   <li>{@link #keyword()}: for words. English possessives dropped, lower-cased, accents folded,
 *       English stopwords removed, Porter-stemmed: {@code investments} finds "investment".
 *   <li>{@link #exact()}: for quoted phrases and prefixes. Lower-cased and accent-folded only,
 *       every word kept: {@code "rest in the world"} does not match "rest of the world".
 * </ul>
 *
 * <p>Both first fold typography ({@link Typography}) and digit-group separators ({@code 1,100} is
 * {@code 1100}) with char filters, which keep offsets pointing into the original text. Words are
 * split by Unicode's word rules (UAX #29), so {@code Sino-Kazakh} is the two words "sino kazakh" in
 * both views; the query side treats a hyphenated word as a phrase of its parts.
 */
public final class TextAnalysis {

  /**
   * A comma, no-break or thin space between digit groups, as in {@code 1,100} or {@code 26 000}.
   * Exactly three digits must follow, so a list such as {@code 1,2,3} is left alone.
   */
  private static final String SEPARATORS = ",\u00A0\u2009\u202F";

  /** The separators' pattern as a string: for engines that define the same char filter. */
  public static final String DIGIT_GROUP_SEPARATOR_PATTERN =
      "(?<=\\d)[" + SEPARATORS + "](?=\\d{3}(?!\\d))";

  private static final Pattern DIGIT_GROUP_SEPARATOR =
      Pattern.compile(DIGIT_GROUP_SEPARATOR_PATTERN);

  private static final Analyzer KEYWORD = new ViewAnalyzer(View.KEYWORD);
  private static final Analyzer EXACT = new ViewAnalyzer(View.EXACT);

  private TextAnalysis() {}

  /** The stemmed, stopword-free view used for plain words. Thread-safe; share it. */
  public static Analyzer keyword() {
    return KEYWORD;
  }

  /** The unstemmed view that keeps every word, used for phrases and prefixes. Thread-safe. */
  public static Analyzer exact() {
    return EXACT;
  }

  /**
   * Snowball's English stopword list (174 words: what, did, about, should…), which Lucene ships.
   * Too broad for matching ("who sent troops" needs "who" to stay a word), it serves to tell the
   * words that carry a question apart from those that only frame it.
   */
  private static final CharArraySet FILLER_WORDS = loadFillerWords();

  /** The terms {@code analyzer} makes of {@code text} for {@code field}, in order. */
  public static List<String> terms(Analyzer analyzer, String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  /** The words of {@code text} in the keyword view (stemmed, no stopwords), in order. */
  public static List<String> keywordTerms(String text) {
    return terms(KEYWORD, "keyword", text);
  }

  /** The words of {@code text} in the exact view (every word, unstemmed), in order. */
  public static List<String> exactTerms(String text) {
    return terms(EXACT, "exact", text);
  }

  /** Whether {@code word} only frames a question or sentence ("what", "did", "about"). */
  public static boolean isFillerWord(String word) {
    return FILLER_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT));
  }

  private static CharArraySet loadFillerWords() {
    try (Reader list =
        IOUtils.getDecodingReader(
            SnowballFilter.class.getResourceAsStream("english_stop.txt"), StandardCharsets.UTF_8)) {
      return WordlistLoader.getSnowballWordSet(list);
    } catch (IOException e) {
      throw new UncheckedIOException("Lucene's english_stop.txt is missing from the classpath", e);
    }
  }

  private enum View {
    KEYWORD,
    EXACT
  }

  private static final class ViewAnalyzer extends Analyzer {
    private final View view;

    ViewAnalyzer(View view) {
      this.view = view;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return foldTypography(reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
      return foldTypography(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = source;
      if (view == View.KEYWORD) {
        stream = new EnglishPossessiveFilter(stream);
      }
      stream = new ASCIIFoldingFilter(new LowerCaseFilter(stream));
      if (view == View.KEYWORD) {
        stream =
            new PorterStemFilter(new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
      }
      return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    /**
     * The text with typography and digit-group separators folded. Each char filter is left out when
     * the text gives it nothing to do, which is most passages: they were a sixth of indexing time.
     * The pattern filter buffers its whole input anyway, so reading it first costs no memory.
     */
    private static Reader foldTypography(Reader reader) {
      char[] text = readAll(reader);
      int length = text.length;
      boolean separators = false;
      boolean variants = false;
      for (int i = 0; i < length && !(separators && variants); i++) {
        char c = text[i];
        variants |= Typography.isVariant(c);
        // Only a candidate: the pattern decides (three digits must follow).
        separators |=
            (c == ',' || c >= Typography.LOWEST_VARIANT)
                && SEPARATORS.indexOf(c) >= 0
                && i > 0
                && Character.isDigit(text[i - 1]);
      }
      Reader folded = new CharArrayReader(text);
      // Separators first, while a no-break space between digits is still told from a plain one.
      if (separators) {
        folded = new PatternReplaceCharFilter(DIGIT_GROUP_SEPARATOR, "", folded);
      }
      if (variants) {
        folded = new MappingCharFilter(Typography.CHAR_MAP, folded);
      }
      return folded;
    }

    private static char[] readAll(Reader reader) {
      char[] text = new char[256];
      int length = 0;
      try {
        for (int n = reader.read(text, 0, text.length);
            n != -1;
            n = reader.read(text, length, text.length - length)) {
          length += n;
          if (length == text.length) {
            text = Arrays.copyOf(text, text.length * 2);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return length == text.length ? text : Arrays.copyOf(text, length);
    }
  }
}
