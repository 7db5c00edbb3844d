package dev.passages.corpus;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Picks the parser for a file by its extension: {@code .txt}, {@code .md}, {@code .html}. */
public final class DocumentParsers {

  /** How one format becomes a document: the shape of each parser's {@code parse}. */
  @FunctionalInterface
  private interface Format {
    Optional<SourceDocument> parse(String id, Source source, String text);
  }

  private static final Map<String, Format> BY_EXTENSION =
      Map.of(
          "txt", TextDocumentParser::parse,
          "md", MarkdownDocumentParser::parse,
          "markdown", MarkdownDocumentParser::parse,
          "html", HtmlDocumentParser::parse,
          "htm", HtmlDocumentParser::parse);

  private DocumentParsers() {}

  /** Whether files ending in {@code .extension} (any case, without the dot) can be read. */
  public static boolean supports(String extension) {
    return BY_EXTENSION.containsKey(extension.toLowerCase(Locale.ROOT));
  }

  /**
   * The document {@code id} from {@code text} in the format of {@code extension}; empty when the
   * text holds nothing to index.
   *
   * @throws IllegalArgumentException when the extension is not {@linkplain #supports supported}
   */
  public static Optional<SourceDocument> parse(
      String id, Source source, String extension, String text) {
    Format format = BY_EXTENSION.get(extension.toLowerCase(Locale.ROOT));
    if (format == null) {
      throw new IllegalArgumentException(
          "no parser for ." + extension + " files; supported: " + BY_EXTENSION.keySet());
    }
    return format.parse(id, source, text);
  }
}
