package dev.passages.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, as the model's {@code tokenizer.json} defines it (HuggingFace
 * tokenizers' BertNormalizer, BertPreTokenizer and WordPiece): control characters dropped, CJK
 * ideographs split apart, accents stripped, lower case; words split at whitespace and punctuation;
 * each word cut into the longest pieces the vocabulary has, else {@code [UNK]}. Checked id for id
 * against HuggingFace's own tokenizer on the seed article and a set of edge cases ({@code
 * WordPieceTokenizerTest}); written here because the Java binding of that tokenizer is a native
 * library that downloads itself and reports usage.
 */
final class WordPieceTokenizer {

  static final int UNKNOWN = 100;
  static final int CLS = 101;
  static final int SEP = 102;

  /** Longer words are one {@code [UNK]}: the tokenizer's {@code max_input_chars_per_word}. */
  static final int MAX_WORD_CHARS = 100;

  private static final String CONTINUATION = "##";

  private final Map<String, Integer> vocabulary;

  WordPieceTokenizer(Map<String, Integer> vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** The tokenizer of a HuggingFace {@code tokenizer.json} with a WordPiece model. */
  static WordPieceTokenizer fromJson(InputStream json) throws IOException {
    JsonNode vocab = new ObjectMapper().readTree(json).path("model").path("vocab");
    if (!vocab.isObject() || vocab.isEmpty()) {
      throw new IOException("the tokenizer definition has no WordPiece vocabulary");
    }
    Map<String, Integer> vocabulary = new HashMap<>(vocab.size() * 2);
    vocab.properties().forEach(e -> vocabulary.put(e.getKey(), e.getValue().asInt()));
    return new WordPieceTokenizer(vocabulary);
  }

  /**
   * The words of {@code text}, each as the ids of its pieces, without {@code [CLS]} and {@code
   * [SEP]}. Kept apart per word so that a text can be cut into windows between words.
   */
  List<int[]> words(String text) {
    List<int[]> words = new ArrayList<>();
    for (String word : preTokenize(normalize(text))) {
      words.add(pieces(word));
    }
    return words;
  }

  /** The ids of {@code text} with {@code [CLS]} before and {@code [SEP]} after, uncut. */
  int[] encode(String text) {
    List<int[]> words = words(text);
    int length = 2;
    for (int[] word : words) {
      length += word.length;
    }
    int[] ids = new int[length];
    ids[0] = CLS;
    int at = 1;
    for (int[] word : words) {
      System.arraycopy(word, 0, ids, at, word.length);
      at += word.length;
    }
    ids[at] = SEP;
    return ids;
  }

  /** BertNormalizer: clean the text, space out CJK, strip accents, lower-case. */
  static String normalize(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (c == 0 || c == 0xFFFD || isControl(c)) {
                return;
              }
              if (isWhitespace(c)) {
                clean.append(' ');
              } else if (isCjk(c)) {
                clean.append(' ').appendCodePoint(c).append(' ');
              } else {
                clean.appendCodePoint(c);
              }
            });
    String decomposed = Normalizer.normalize(clean, Normalizer.Form.NFD);
    StringBuilder stripped = new StringBuilder(decomposed.length());
    decomposed
        .codePoints()
        .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
        .forEach(stripped::appendCodePoint);
    return stripped.toString().toLowerCase(Locale.ROOT);
  }

  /** BertPreTokenizer: words split at whitespace, every punctuation character a word of its own. */
  static List<String> preTokenize(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (isWhitespace(c) || isPunctuation(c)) {
        if (!word.isEmpty()) {
          words.add(word.toString());
          word.setLength(0);
        }
        if (isPunctuation(c)) {
          words.add(Character.toString(c));
        }
      } else {
        word.appendCodePoint(c);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  /** WordPiece: the longest pieces of {@code word} in the vocabulary, or {@code [UNK]}. */
  private int[] pieces(String word) {
    int[] codePoints = word.codePoints().toArray();
    if (codePoints.length > MAX_WORD_CHARS) {
      return new int[] {UNKNOWN};
    }
    List<Integer> ids = new ArrayList<>();
    int start = 0;
    while (start < codePoints.length) {
      Integer found = null;
      int end = codePoints.length;
      for (; end > start; end--) {
        String piece = new String(codePoints, start, end - start);
        found = vocabulary.get(start > 0 ? CONTINUATION + piece : piece);
        if (found != null) {
          break;
        }
      }
      if (found == null) {
        return new int[] {UNKNOWN};
      }
      ids.add(found);
      start = end;
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Other (Cc, Cf, Co, Cs, Cn), but tab, line feed and carriage return, which are whitespace. */
  private static boolean isControl(int c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE
        || type == Character.UNASSIGNED;
  }

  /** Unicode's White_Space, as Rust's {@code char::is_whitespace}. */
  private static boolean isWhitespace(int c) {
    return c == '\t'
        || c == '\n'
        || c == 0x0B
        || c == 0x0C
        || c == '\r'
        || c == 0x85
        || Character.isSpaceChar(c);
  }

  /** ASCII punctuation (symbols included, as BERT counts them) or Unicode's P categories. */
  private static boolean isPunctuation(int c) {
    if ((c >= 33 && c <= 47)
        || (c >= 58 && c <= 64)
        || (c >= 91 && c <= 96)
        || (c >= 123 && c <= 126)) {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION ->
          true;
      default -> false;
    };
  }

  /** The CJK ideograph blocks BERT splits into single characters. */
  private static boolean isCjk(int c) {
    return (c >= 0x4E00 && c <= 0x9FFF)
        || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x20000 && c <= 0x2A6DF)
        || (c >= 0x2A700 && c <= 0x2B73F)
        || (c >= 0x2B740 && c <= 0x2B81F)
        || (c >= 0x2B820 && c <= 0x2CEAF)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0x2F800 && c <= 0x2FA1F);
  }
}
