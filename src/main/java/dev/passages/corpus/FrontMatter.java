package dev.passages.corpus;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A front-matter block split off the top of a text or Markdown file:
 *
 * <pre>
 * ---
 * title: "Kazakhstan's uranium"
 * author: Jane Doe
 * about: article#p5
 * ---
 * </pre>
 *
 * <p>The text must start (after an optional byte order mark) with a line {@code ---}, then {@code
 * key: value} lines, then a line {@code ---}. Keys are case-insensitive; {@code title}, {@code
 * author}, {@code date}, {@code url} and {@code about} are read, others are ignored; a value may be
 * wrapped in single or double quotes. This is the flat subset of YAML that front matter uses in
 * practice, not a YAML parser: blank lines, {@code #} comments and indented or {@code -} lines
 * under a key (a YAML list) are passed over. A block with no closing line, or with a line that is
 * none of these, is not front matter: then the whole text is the body.
 *
 * @param metadata what the block states; {@link Metadata#NONE} when there is no block
 * @param body the text after the block (the whole text, less a byte order mark, when there is none)
 */
public record FrontMatter(Metadata metadata, String body) {

  private static final String FENCE = "---";

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+");

  /** Splits the front matter, if any, off {@code text}. */
  public static FrontMatter split(String text) {
    String rest = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Lines lines = new Lines(rest);
    if (!isFence(lines.next())) {
      return new FrontMatter(Metadata.NONE, rest);
    }
    Map<String, String> values = new HashMap<>();
    for (String line = lines.next(); line != null; line = lines.next()) {
      if (isFence(line)) {
        return new FrontMatter(metadata(values), rest.substring(lines.position()));
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (!values.isEmpty() && (Character.isWhitespace(line.charAt(0)) || line.startsWith("-"))) {
        continue; // an item of a YAML list or a continued value: nothing we read
      }
      int colon = line.indexOf(':');
      String key = colon < 0 ? "" : line.substring(0, colon).strip();
      if (!KEY.matcher(key).matches()) {
        return new FrontMatter(Metadata.NONE, rest);
      }
      values.put(key.toLowerCase(Locale.ROOT), unquote(line.substring(colon + 1).strip()));
    }
    return new FrontMatter(Metadata.NONE, rest);
  }

  private static boolean isFence(String line) {
    return line != null && line.stripTrailing().equals(FENCE);
  }

  private static String unquote(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
        return value.substring(1, value.length() - 1);
      }
    }
    return value;
  }

  private static Metadata metadata(Map<String, String> values) {
    return new Metadata(
        values.get("title"),
        values.get("author"),
        values.get("date"),
        values.get("url"),
        values.get("about"));
  }

  /** The lines of a text one by one, remembering where the next one starts. */
  private static final class Lines {
    private final String text;
    private int position;

    Lines(String text) {
      this.text = text;
    }

    /** The next line without its line break, or null at the end of the text. */
    String next() {
      if (position >= text.length()) {
        return null;
      }
      int end = position;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      String line = text.substring(position, end);
      if (end < text.length() && text.charAt(end) == '\r') {
        end++;
      }
      if (end < text.length() && text.charAt(end) == '\n') { // alone or after \r: one break
        end++;
      }
      position = end;
      return line;
    }

    int position() {
      return position;
    }
  }
}
