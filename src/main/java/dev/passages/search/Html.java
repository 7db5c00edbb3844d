package dev.passages.search;

import java.util.Arrays;

/**
 * The one HTML escaper for text the search puts into {@code highlight}: the same characters as
 * Lucene's passage formatter, which marks the words ({@code & < > " ' /}, after OWASP's rules for
 * text in HTML), so that a passage reads the same marked or not.
 */
public final class Html {

  /**
   * Texts up to this long are escaped once and kept: the passages pages show, which are marked
   * again and again (the searcher keeps passages up to as long).
   */
  static final int KEPT_UP_TO_CHARS = 2_000;

  /**
   * At most this many escaped texts are kept, as many as the searcher keeps passages: a few MB of
   * prose, at most about 26 MB with the texts themselves ({@link Escaped#MOST_ESCAPED_OF}).
   */
  static final int KEPT = 2_048;

  private static final BoundedCache<String, Escaped> KEPT_ESCAPED = new BoundedCache<>(KEPT);

  private Html() {}

  /** {@code text} with every character that could start markup or end an attribute escaped. */
  public static String escape(CharSequence text) {
    if (text instanceof String kept && kept.length() <= KEPT_UP_TO_CHARS) {
      String html = ranges(kept).html;
      if (html != null) {
        return html;
      }
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    escapeRun(text, 0, text.length(), out);
    return out.toString();
  }

  /**
   * Appends {@code text[start, end)} to {@code out}, escaped. For several ranges of one text,
   * {@link #ranges} finds its kept escaping once.
   */
  public static void escape(CharSequence text, int start, int end, StringBuilder out) {
    if (text instanceof String kept && kept.length() <= KEPT_UP_TO_CHARS) {
      ranges(kept).append(start, end, out);
    } else {
      escapeRun(text, start, end, out);
    }
  }

  /**
   * {@code text}, to be appended escaped a range at a time. A text of up to {@value
   * #KEPT_UP_TO_CHARS} characters is escaped once and kept, and each range copied from that whole:
   * the highlighter marks the same passages for query after query, a few words apart, and escaping
   * them a character at a time every time was 5.6 % of the query mix's time on one thread (JFR);
   * kept, the mix costs 5 % less. A longer text, or one that is mostly escapes, is escaped afresh,
   * only the ranges asked for.
   */
  public static Escaped ranges(String text) {
    return text.length() <= KEPT_UP_TO_CHARS
        ? KEPT_ESCAPED.get(text, Escaped::whole)
        : Escaped.afresh(text);
  }

  /**
   * Appends {@code text[start, end)} escaped, a character at a time. The text between escaped
   * characters is appended a run at a time: appended a character at a time, as Lucene's formatter
   * does, a passage's escaping was a tenth of a search of two words.
   */
  private static void escapeRun(CharSequence text, int start, int end, StringBuilder out) {
    int run = start;
    for (int i = start; i < end; i++) {
      String escaped = replacement(text.charAt(i));
      if (escaped != null) {
        out.append(text, run, i).append(escaped);
        run = i + 1;
      }
    }
    out.append(text, run, end);
  }

  /** What {@code c} is written as in HTML; null when it stands for itself. */
  private static String replacement(char c) {
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\'' -> "&#x27;";
      case '/' -> "&#x2F;";
      default -> null;
    };
  }

  /**
   * A text to be appended escaped a range at a time: from its HTML, made once, when kept; else a
   * range at a time as asked. An escaped character is one character of the text and several of the
   * HTML, so a range of the text is a range of the HTML shifted by what the escapes before it
   * added.
   */
  public static final class Escaped {

    /** A text is kept escaped only while at most one character in this many needs escaping. */
    static final int MOST_ESCAPED_OF = 8;

    private final String text;

    /** The text escaped; null when it is escaped a range at a time. */
    private final String html;

    /** Where in the text each escaped character stands, in order. */
    private final int[] escapedAt;

    /** How much longer the HTML is than the text up to and including each of those. */
    private final int[] longerBy;

    private final boolean wide;

    private Escaped(String text, String html, int[] escapedAt, int[] longerBy, boolean wide) {
      this.text = text;
      this.html = html;
      this.escapedAt = escapedAt;
      this.longerBy = longerBy;
      this.wide = wide;
    }

    /**
     * Whether a kept text holds a character outside Latin-1 (a curly quote, a dash), which makes a
     * builder it is appended to hold two bytes a character; false for a text not kept.
     */
    public boolean wide() {
      return wide;
    }

    /** {@code text} to be escaped a range at a time, as asked. */
    private static Escaped afresh(String text) {
      return new Escaped(text, null, null, null, false);
    }

    /**
     * {@code text} escaped whole, to be kept; one escaped a range at a time instead when more than
     * one character in {@value #MOST_ESCAPED_OF} needs escaping (no prose does). Each escaped
     * character keeps up to six characters of HTML and eight bytes of offsets: 2,048 texts of
     * slashes could have held up to some 90 MB; kept texts now hold at most about 26. The text is
     * read twice: once to count its escapes (the bound, and the offsets' size), once to escape it.
     */
    private static Escaped whole(String text) {
      int escapes = 0;
      boolean wide = false; // a character outside Latin-1, as Java then stores the text wide
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        escapes += replacement(c) != null ? 1 : 0;
        wide |= c > 0xFF;
      }
      if ((long) escapes * MOST_ESCAPED_OF > text.length()) {
        return afresh(text);
      }
      StringBuilder html = new StringBuilder(text.length() + 16);
      int[] escapedAt = new int[escapes];
      int[] longerBy = new int[escapes];
      int run = 0;
      for (int i = 0, k = 0; i < text.length(); i++) {
        String escaped = replacement(text.charAt(i));
        if (escaped != null) {
          html.append(text, run, i).append(escaped);
          run = i + 1;
          escapedAt[k] = i;
          longerBy[k++] = html.length() - run;
        }
      }
      html.append(text, run, text.length());
      return new Escaped(text, html.toString(), escapedAt, longerBy, wide);
    }

    /** Appends {@code text[start, end)} to {@code out}, escaped. */
    public void append(int start, int end, StringBuilder out) {
      if (html == null) {
        escapeRun(text, start, end, out);
      } else {
        out.append(html, at(start), at(end));
      }
    }

    /** Where the HTML of the text from {@code offset} on begins. */
    private int at(int offset) {
      if (escapedAt.length == 0) {
        return offset;
      }
      int found = Arrays.binarySearch(escapedAt, offset);
      int before = found >= 0 ? found : -found - 1; // escaped characters before offset
      return before == 0 ? offset : offset + longerBy[before - 1];
    }
  }
}
