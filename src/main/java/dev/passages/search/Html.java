package dev.passages.search;

/**
 * The one HTML escaper for text the search puts into {@code highlight}: the same characters as
 * Lucene's passage formatter, which marks the words ({@code & < > " ' /}, after OWASP's rules for
 * text in HTML), so that a passage reads the same marked or not.
 */
public final class Html {

  private Html() {}

  /** {@code text} with every character that could start markup or end an attribute escaped. */
  public static String escape(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    escape(text, 0, text.length(), out);
    return out.toString();
  }

  /**
   * Appends {@code text[start, end)} to {@code out}, escaped. The text between escaped characters
   * is appended a run at a time: appended a character at a time, as Lucene's formatter does, a
   * passage's escaping was a tenth of a search of two words.
   */
  public static void escape(CharSequence text, int start, int end, StringBuilder out) {
    int run = start;
    for (int i = start; i < end; i++) {
      String escaped =
          switch (text.charAt(i)) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#x27;";
            case '/' -> "&#x2F;";
            default -> null;
          };
      if (escaped != null) {
        out.append(text, run, i).append(escaped);
        run = i + 1;
      }
    }
    out.append(text, run, end);
  }
}
