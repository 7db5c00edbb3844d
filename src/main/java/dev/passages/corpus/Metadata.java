package dev.passages.corpus;

/**
 * What a document says about itself, beyond its text: from a front-matter block in a text or
 * Markdown file, or from the {@code <head>} of an HTML page. Every field is null when the file does
 * not state it; blank values count as not stated.
 *
 * @param title the title the file declares (front matter, {@code <title>}); null when the title was
 *     taken from the text itself
 * @param author who wrote it
 * @param date when it was published, as written ({@code 2022-01-12}, {@code 12 January 2022})
 * @param url where it was published
 * @param about the id of the document or passage this text comments on: {@code article}, {@code
 *     article#p5}; not stated when longer than {@value #MAX_ABOUT_CHARS} characters
 */
public record Metadata(String title, String author, String date, String url, String about) {

  /** A document that states nothing about itself. */
  public static final Metadata NONE = new Metadata(null, null, null, null, null);

  /**
   * No id is longer: ids are paths, and Linux's paths end at 4,096 bytes. A longer value names
   * nothing, and as one indexed term (the index looks passages up by it) it would be refused by the
   * engine (Lucene's limit is 32,766 bytes) and stop the whole run at that one file.
   */
  public static final int MAX_ABOUT_CHARS = 4_096;

  public Metadata {
    title = stated(title);
    author = stated(author);
    date = stated(date);
    url = stated(url);
    about = stated(about);
    if (about != null && about.length() > MAX_ABOUT_CHARS) {
      about = null;
    }
  }

  private static String stated(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
