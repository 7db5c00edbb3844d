package dev.passages.analysis;

import java.util.Map;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;

/**
 * The typographic variants that mean the same thing to a reader: curly and straight apostrophes and
 * quotes, the dash family, non-breaking and thin spaces. One table serves both the analyzers (as a
 * char filter, so offsets still point into the original text) and the query syntax (so a pasted
 * “curly phrase” is a phrase query).
 */
public final class Typography {

  /** Each variant and the plain ASCII character it stands for. */
  static final Map<String, String> FOLDS =
      Map.ofEntries(
          Map.entry("\u2019", "'"), // right single quotation mark, the usual curly apostrophe
          Map.entry("\u2018", "'"),
          Map.entry("\u201A", "'"),
          Map.entry("\u201B", "'"),
          Map.entry("\u02BC", "'"), // modifier letter apostrophe
          Map.entry("\u2032", "'"), // prime
          Map.entry("\uFF07", "'"),
          Map.entry("\u201C", "\""),
          Map.entry("\u201D", "\""),
          Map.entry("\u201E", "\""),
          Map.entry("\u201F", "\""),
          Map.entry("\u2033", "\""), // double prime
          Map.entry("\uFF02", "\""),
          Map.entry("\u2010", "-"), // hyphen
          Map.entry("\u2011", "-"), // non-breaking hyphen
          Map.entry("\u2012", "-"), // figure dash
          Map.entry("\u2013", "-"), // en dash
          Map.entry("\u2014", "-"), // em dash
          Map.entry("\u2015", "-"), // horizontal bar
          Map.entry("\u2212", "-"), // minus sign
          Map.entry("\u00A0", " "), // no-break space
          Map.entry("\u2007", " "), // figure space
          Map.entry("\u2009", " "), // thin space
          Map.entry("\u202F", " "), // narrow no-break space
          Map.entry("\u00AD", ""), // soft hyphen: invisible, must not split or join words
          Map.entry("\u200B", ""), // zero-width space
          Map.entry("\uFEFF", "")); // byte order mark / zero-width no-break space

  static final NormalizeCharMap CHAR_MAP = buildCharMap();

  /** Each variant and the plain character it stands for: for engines that define their own. */
  public static Map<String, String> folds() {
    return FOLDS;
  }

  /** Every variant is one character, and none is below this one: a quick test for plain text. */
  static final char LOWEST_VARIANT =
      (char) FOLDS.keySet().stream().mapToInt(k -> k.charAt(0)).min().orElseThrow();

  private Typography() {}

  /** True when {@link #fold} replaces {@code c}. */
  static boolean isVariant(char c) {
    return c >= LOWEST_VARIANT && FOLDS.containsKey(String.valueOf(c));
  }

  /** The text with every variant in {@link #FOLDS} replaced; used on query strings. */
  public static String fold(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String folded = c >= LOWEST_VARIANT ? FOLDS.get(String.valueOf(c)) : null;
      if (folded != null && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(folded != null ? folded : String.valueOf(text.charAt(i)));
      }
    }
    return out == null ? text : out.toString();
  }

  private static NormalizeCharMap buildCharMap() {
    NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
    FOLDS.forEach(builder::add);
    return builder.build();
  }
}
