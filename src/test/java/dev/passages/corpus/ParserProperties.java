package dev.passages.corpus;

import static dev.passages.Properties.anyString;
import static dev.passages.Properties.forAll;
import static dev.passages.Properties.joined;
import static dev.passages.Properties.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a corpus file holds, reading it gives a document of well-formed passages or a reported
 * skip, never an exception, and the same answer each time.
 */
class ParserProperties {

  private static final List<String> EXTENSIONS = List.of("txt", "md", "html");

  /** Pieces each format gives a meaning to, and pieces that trouble text handling. */
  private static final List<String> PIECES =
      List.of(
          "\n",
          "\n\n",
          "\r\n",
          "\r",
          " ",
          "\t",
          "\u00A0",
          "\u2028",
          "\uFEFF",
          "# ",
          "## ",
          "===\n",
          "---\n",
          "> ",
          "- ",
          "* ",
          "1. ",
          "```\n",
          "    ",
          "[link](http://x)",
          "![image](x.png)",
          "<p>",
          "</p>",
          "<h1>",
          "</h1>",
          "<h2>",
          "<title>",
          "</title>",
          "<script>",
          "</script>",
          "<style>",
          "<br>",
          "<!--",
          "-->",
          "<![CDATA[",
          "&amp;",
          "&#0;",
          "&#x1F600;",
          "&nbsp;",
          "title: ",
          "author: ",
          "date: ",
          ":",
          "\"",
          "\uD83D\uDE00",
          "\uD800",
          "\uDFFF",
          "\u0000",
          "\u001b",
          "Uranium",
          "word",
          "Sanctions on China.",
          "Give a Comment");

  private static final List<String> FRONT_MATTER_LINES =
      List.of(
          "---",
          "+++",
          "title: A title",
          "author: Someone",
          "date: 2022-01-12",
          "date: not a date",
          "url: https://example.org/a",
          "tags: [a, b]",
          "title:",
          ": value",
          "key: 'quoted: value'",
          "  indented: x",
          "",
          "#comment");

  @TempDir Path corpus;

  @Test
  void anyTextParsesToWellFormedPassagesTheSameEachTime() {
    forAll(
        random -> new Sample(oneOf(random, EXTENSIONS), document(random)),
        sample -> {
          for (Source source : Source.values()) {
            Optional<SourceDocument> first =
                DocumentParsers.parse("doc", source, sample.extension, sample.text);
            Optional<SourceDocument> second =
                DocumentParsers.parse("doc", source, sample.extension, sample.text);

            assertThat(second).isEqualTo(first);
            first.ifPresent(document -> assertWellFormed(document, "doc", source));
          }
        });
  }

  @Test
  void anyBytesInAFileGiveADocumentOrAReportedSkipTheSameEachTime() {
    CorpusReader reader = new CorpusReader(corpus);
    forAll(
        random -> new Bytes(oneOf(random, EXTENSIONS), bytes(random)),
        sample -> {
          String path = "commentary/file." + sample.extension;
          Path file = corpus.resolve(path);
          Files.createDirectories(file.getParent());
          Files.write(file, sample.bytes);

          List<Skip> problems = new ArrayList<>();
          Optional<SourceDocument> document = reader.readFile(path, problems);
          List<Skip> problemsAgain = new ArrayList<>();
          Optional<SourceDocument> again = reader.readFile(path, problemsAgain);

          assertThat(again).isEqualTo(document);
          assertThat(problemsAgain).isEqualTo(problems);
          assertThat(problems)
              .allSatisfy(
                  skip -> {
                    assertThat(skip.path()).isEqualTo(path);
                    assertThat(skip.reason()).isNotBlank();
                  });
          if (document.isEmpty()) {
            // A file left out is always said to be, with a reason.
            assertThat(problems).anySatisfy(skip -> assertThat(skip.indexed()).isFalse());
          } else {
            assertWellFormed(document.get(), "commentary/file", Source.COMMENTARY);
            assertThat(problems).allSatisfy(skip -> assertThat(skip.indexed()).isTrue());
          }
        });
  }

  @Test
  void frontMatterSplitsAnyTextTheSameEachTimeAndKeepsTheBody() {
    forAll(
        random ->
            random.nextBoolean()
                ? String.join("\n", lines(random))
                : "---\n" + String.join("\n", lines(random)) + "\n---\n" + anyString(random, 80),
        text -> {
          FrontMatter split = FrontMatter.split(text);

          assertThat(FrontMatter.split(text)).isEqualTo(split);
          assertThat(split.metadata()).isNotNull();
          // Front matter is only ever taken from the start: the body is the text's end.
          assertThat(text).endsWith(split.body());
        });
  }

  private static void assertWellFormed(SourceDocument document, String id, Source source) {
    assertThat(document.id()).isEqualTo(id);
    assertThat(document.source()).isEqualTo(source);
    assertThat(document.passages()).isNotEmpty();
    Passage title = document.passages().getFirst();
    assertThat(title.kind()).isEqualTo(PassageKind.TITLE);
    assertThat(title.text()).isEqualTo(document.title());
    assertThat(document.passages().stream().map(Passage::id)).doesNotHaveDuplicates();
    int paragraphs = 0;
    int headings = 0;
    for (Passage passage : document.passages()) {
      assertThat(passage.doc()).isEqualTo(id);
      assertThat(passage.text()).isNotBlank();
      assertThat(passage.text().length()).isLessThanOrEqualTo(LongParagraphs.MAX_CHARS);
      switch (passage.kind()) {
        case TITLE -> assertThat(passage.number()).isZero();
        case HEADING -> assertThat(passage.number()).isEqualTo(++headings);
        case PARAGRAPH -> assertThat(passage.number()).isEqualTo(++paragraphs);
      }
    }
  }

  /** Random text, text built from {@link #PIECES}, or one long line. */
  private static String document(RandomGenerator random) {
    return switch (random.nextInt(9)) {
      case 0, 1, 2 -> anyString(random, 400);
      case 3 -> oneOf(random, List.of("word ", "a", "x.", "Word. ")).repeat(random.nextInt(4_000));
      default -> joined(random, PIECES, 60);
    };
  }

  /**
   * The bytes of a file: random, or text as UTF-8 (with or without a byte order mark) or Latin-1.
   */
  private static byte[] bytes(RandomGenerator random) {
    return switch (random.nextInt(4)) {
      case 0 -> {
        byte[] bytes = new byte[random.nextInt(600)];
        random.nextBytes(bytes);
        yield bytes;
      }
      case 1 -> ("\uFEFF" + document(random)).getBytes(StandardCharsets.UTF_8);
      case 2 -> document(random).getBytes(StandardCharsets.ISO_8859_1);
      default -> document(random).getBytes(StandardCharsets.UTF_8);
    };
  }

  private static List<String> lines(RandomGenerator random) {
    List<String> lines = new ArrayList<>();
    for (int i = random.nextInt(12); i > 0; i--) {
      lines.add(random.nextInt(4) == 0 ? anyString(random, 40) : oneOf(random, FRONT_MATTER_LINES));
    }
    return lines;
  }

  private record Sample(String extension, String text) {}

  private record Bytes(String extension, byte[] bytes) {
    @Override
    public String toString() {
      return "." + extension + " file of " + dev.passages.Properties.printable(bytes);
    }
  }
}
