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

  /** Appends {@code text[start, end)} to {@code out}, escaped. */
  public static void escape(CharSequence text, int start, int end, StringBuilder out) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        case '/' -> out.append("&#x2F;");
        default -> out.append(c);
      }
    }
  }
}
