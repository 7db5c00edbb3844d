package dev.passages.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {

  @TempDir Path dir;

  @Test
  void theCorpusArticleIsTheSeedArticleByteForByte() throws IOException {
    Path seed = Path.of("..", "shared", "seed", "article.txt");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(seed), "shared/ is beside the repo");
    assertThat(Files.mismatch(SeedCorpus.ARTICLE, seed)).isEqualTo(-1L);
  }

  @Test
  void theSourceOfADocumentIsItsFolder() {
    Path corpus = SeedCorpus.copyTo(dir);
    SeedCorpus.write(corpus, "commentary/op-eds/kremlin.txt", "Kremlin view\nA paragraph.\n");
    SeedCorpus.write(corpus, "comments/c1.txt", "A reader\nI disagree.\n");

    CorpusScan scan = new CorpusReader(corpus).scan();

    assertThat(scan.documents())
        .extracting(SourceDocument::id, SourceDocument::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("article", Source.ARTICLE),
            org.assertj.core.groups.Tuple.tuple("commentary/op-eds/kremlin", Source.COMMENTARY),
            org.assertj.core.groups.Tuple.tuple("comments/c1", Source.COMMENT));
    assertThat(scan.problems()).isEmpty();
  }

  @Test
  void badFilesAreReportedAndTheRestIsRead() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    SeedCorpus.write(corpus, "empty.txt", "");
    SeedCorpus.write(corpus, "notes.pdf", "%PDF-1.4");
    Files.write(corpus.resolve("latin1.txt"), new byte[] {'C', 'a', 'f', (byte) 0xE9, '\n', 'x'});
    Path outside = SeedCorpus.write(dir, "outside/secret.txt", "Secret\nDo not index.\n");
    Files.createSymbolicLink(corpus.resolve("link.txt"), outside);
    SeedCorpus.write(corpus, ".hidden.txt", "Hidden\nNot content.\n");

    CorpusScan scan = new CorpusReader(corpus).scan();

    assertThat(scan.documents())
        .extracting(SourceDocument::id)
        .containsExactly("article", "latin1");
    assertThat(scan.problems())
        .extracting(Skip::path, Skip::indexed)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("empty.txt", false),
            org.assertj.core.groups.Tuple.tuple("notes.pdf", false),
            org.assertj.core.groups.Tuple.tuple("latin1.txt", true),
            org.assertj.core.groups.Tuple.tuple("link.txt", false));
    assertThat(scan.problems())
        .filteredOn(p -> p.path().equals("link.txt"))
        .extracting(Skip::reason)
        .containsExactly("link points outside the corpus folder");
    assertThat(scan.documents().get(1).title()).isEqualTo("Caf\uFFFD");
  }

  @Test
  void markdownAndHtmlFilesAreReadAndTheirIdIsThePathWithoutExtension() {
    Path corpus = SeedCorpus.copyTo(dir);
    SeedCorpus.write(
        corpus,
        "commentary/op-ed.html",
        "<title>Moscow's leverage</title><main><p>Uranium is power.</p></main>");
    SeedCorpus.write(corpus, "commentary/analysis.markdown", "# Pipelines\n\nOil goes east.\n");
    SeedCorpus.write(corpus, "comments/reader.md", "---\nabout: article#p5\n---\nI agree.\n");
    SeedCorpus.write(corpus, "commentary/old.HTM", "<h1>An old page</h1><p>Still read.</p>");

    CorpusScan scan = new CorpusReader(corpus).scan();

    assertThat(scan.problems()).isEmpty();
    assertThat(scan.documents())
        .extracting(SourceDocument::id, SourceDocument::source, SourceDocument::title)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "article",
                Source.ARTICLE,
                "Opinion: For Putin, Kazakhstan is a domino too big to fall"),
            org.assertj.core.groups.Tuple.tuple(
                "commentary/analysis", Source.COMMENTARY, "Pipelines"),
            org.assertj.core.groups.Tuple.tuple("commentary/old", Source.COMMENTARY, "An old page"),
            org.assertj.core.groups.Tuple.tuple(
                "commentary/op-ed", Source.COMMENTARY, "Moscow's leverage"),
            org.assertj.core.groups.Tuple.tuple("comments/reader", Source.COMMENT, "reader"));
    assertThat(scan.documents().get(3).passages())
        .extracting(Passage::id)
        .containsExactly("commentary/op-ed#title", "commentary/op-ed#p1");
    assertThat(scan.documents().get(4).metadata().about()).isEqualTo("article#p5");
  }

  @Test
  void aBinaryFileIsSkippedWhateverItsExtension() throws IOException {
    Path corpus = dir.resolve("c");
    SeedCorpus.write(corpus, "text.txt", "Title\nBody.\n");
    Files.write(corpus.resolve("scan.txt"), new byte[] {'T', 'i', 't', 'l', 'e', '\n', 0, 1, 2});
    Files.write(corpus.resolve("page.html"), new byte[] {'<', 'p', '>', 0, '<', '/', 'p', '>'});

    CorpusScan scan = new CorpusReader(corpus).scan();

    assertThat(scan.documents()).extracting(SourceDocument::id).containsExactly("text");
    assertThat(scan.problems())
        .containsExactlyInAnyOrder(
            new Skip("page.html", "binary file, not text", false),
            new Skip("scan.txt", "binary file, not text", false));
  }

  @Test
  void anUnsupportedFormatIsSkippedSayingWhatIsIndexed() {
    Path corpus = dir.resolve("c");
    SeedCorpus.write(corpus, "notes.pdf", "%PDF-1.4");
    SeedCorpus.write(corpus, "README", "No extension.");

    assertThat(new CorpusReader(corpus).scan().problems())
        .containsExactly(
            new Skip("README", "unsupported format (.txt, .md and .html are indexed)", false),
            new Skip("notes.pdf", "unsupported format (.txt, .md and .html are indexed)", false));
  }

  @Test
  void twoFilesWithTheSameIdKeepTheFirstAndReportTheSecond() {
    Path corpus = SeedCorpus.copyTo(dir);
    SeedCorpus.write(corpus, "commentary/op.html", "<title>Op</title><p>Text.</p>");
    SeedCorpus.write(corpus, "commentary/op.md", "# Op\n\nOther text.\n");
    CorpusScan scan = new CorpusReader(corpus).scan();
    assertThat(scan.documents())
        .extracting(SourceDocument::id)
        .containsExactly("article", "commentary/op");
    assertThat(scan.problems())
        .extracting(Skip::path, Skip::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "commentary/op.md",
                "same document id as commentary/op.html (ids drop the extension); rename one"));
  }

  @Test
  void theCorpusReadmeIsNotADocument() {
    Path corpus = SeedCorpus.copyTo(dir);
    SeedCorpus.write(corpus, "README.md", "# How to add texts\n\nDrop files here.\n");
    SeedCorpus.write(corpus, "commentary/README.md", "# A text called README\n\nIt is one.\n");
    assertThat(new CorpusReader(corpus).scan().documents())
        .extracting(SourceDocument::id)
        .containsExactly("article", "commentary/README");
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheTitle() {
    Path corpus = dir.resolve("c");
    SeedCorpus.write(corpus, "bom.txt", "\uFEFFTitle\nBody.\n");
    assertThat(new CorpusReader(corpus).scan().documents().getFirst().title()).isEqualTo("Title");
  }

  @Test
  void theFingerprintChangesWhenAFileChanges() throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    CorpusReader reader = new CorpusReader(corpus);
    String before = reader.fingerprint();
    assertThat(reader.fingerprint()).isEqualTo(before);

    Path added = SeedCorpus.write(corpus, "commentary/new.txt", "New\nText.\n");
    String afterAdd = reader.fingerprint();
    assertThat(afterAdd).isNotEqualTo(before);

    Files.setLastModifiedTime(added, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    assertThat(reader.fingerprint()).isNotEqualTo(afterAdd);

    Files.delete(added);
    assertThat(reader.fingerprint()).isEqualTo(before);
  }

  @Test
  void aFileOfExactlyTheSizeLimitIsReadAndOneByteMoreIsSkippedSayingBothSizes() throws IOException {
    Path corpus = dir.resolve("c");
    Files.createDirectories(corpus);
    writePaddedText(corpus.resolve("at-limit.txt"), CorpusReader.MAX_FILE_BYTES);
    writePaddedText(corpus.resolve("over-limit.txt"), CorpusReader.MAX_FILE_BYTES + 1);

    CorpusScan scan = new CorpusReader(corpus).scan();

    assertThat(scan.documents()).extracting(SourceDocument::id).containsExactly("at-limit");
    assertThat(scan.documents().getFirst().passages())
        .extracting(Passage::text)
        .containsExactly("Title", "Body.");
    assertThat(scan.problems())
        .containsExactly(
            new Skip("over-limit.txt", "file is 33554433 bytes; the limit is 33554432", false));
  }

  /** "Title", "Body." and then spaces, which no passage keeps, up to {@code size} bytes. */
  private static void writePaddedText(Path file, long size) throws IOException {
    byte[] start = "Title\nBody.".getBytes(StandardCharsets.US_ASCII);
    byte[] padding = new byte[1 << 20];
    Arrays.fill(padding, (byte) ' ');
    try (FileChannel channel =
        FileChannel.open(
            file,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(start));
      long left = size - start.length;
      while (left > 0) {
        int chunk = (int) Math.min(left, padding.length);
        ByteBuffer buffer = ByteBuffer.wrap(padding, 0, chunk);
        while (buffer.hasRemaining()) {
          left -= channel.write(buffer);
        }
      }
    }
    assertThat(Files.size(file)).isEqualTo(size);
  }

  @Test
  void aNulByteIsLookedForInTheFirst8192BytesOnly() throws IOException {
    Path corpus = dir.resolve("c");
    Files.createDirectories(corpus);
    Files.write(corpus.resolve("nul-last-probed.txt"), textWithNulAt(8 * 1024 - 1));
    Files.write(corpus.resolve("nul-past-probe.txt"), textWithNulAt(8 * 1024));

    CorpusScan scan = new CorpusReader(corpus).scan();

    // Past the probe a NUL is read like any other character: the file is text that holds one.
    assertThat(scan.documents()).extracting(SourceDocument::id).containsExactly("nul-past-probe");
    assertThat(scan.problems())
        .containsExactly(new Skip("nul-last-probed.txt", "binary file, not text", false));
  }

  /** "Title" and a line of letters, with a NUL byte at index {@code nul} of the file. */
  private static byte[] textWithNulAt(int nul) {
    byte[] bytes = new byte[nul + 10];
    Arrays.fill(bytes, (byte) 'x');
    System.arraycopy("Title\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 6);
    bytes[nul] = 0;
    return bytes;
  }

  @Test
  void documentsAreOrderedByIdNotByFileName() {
    // "a-b.txt" sorts before "a.txt" ('-' < '.') but the id "a" sorts before "a-b".
    Path corpus = dir.resolve("c");
    SeedCorpus.write(corpus, "a-b.txt", "A-b\nText.\n");
    SeedCorpus.write(corpus, "a.txt", "A\nText.\n");

    assertThat(new CorpusReader(corpus).scan().documents())
        .extracting(SourceDocument::id)
        .containsExactly("a", "a-b");
  }

  @Test
  void theIdDropsTheExtensionOfTheFileNameOnly() {
    assertThat(CorpusReader.idOf("commentary/op-ed.HTML")).isEqualTo("commentary/op-ed");
    assertThat(CorpusReader.idOf("notes.v2/readme")).isEqualTo("notes.v2/readme");
    // A name that starts with its only dot is all name (a dot file), in a folder or not.
    assertThat(CorpusReader.idOf("notes/.md")).isEqualTo("notes/.md");
    assertThat(CorpusReader.idOf(".md")).isEqualTo(".md");
  }

  @Test
  void aFileNamedOnlyLikeAnExtensionIsNotReadAsThatFormat() {
    Path corpus = dir.resolve("c");
    SeedCorpus.write(corpus, "notes/.md", "# Not markdown\n\nA dot file.\n");
    List<Skip> problems = new ArrayList<>();

    assertThat(new CorpusReader(corpus).readFile("notes/.md", problems)).isEmpty();
    assertThat(problems)
        .containsExactly(
            new Skip("notes/.md", "unsupported format (.txt, .md and .html are indexed)", false));
  }

  @Test
  void hiddenFoldersAreNotReadButAHiddenCorpusFolderIs() {
    Path corpus = dir.resolve(".corpus");
    SeedCorpus.write(corpus, "article.txt", "Article\nText.\n");
    SeedCorpus.write(corpus, ".git/notes.txt", "Git notes\nNot content.\n");
    SeedCorpus.write(corpus, "commentary/.drafts/draft.txt", "Draft\nNot yet.\n");

    CorpusScan scan = new CorpusReader(corpus).scan();

    assertThat(scan.documents()).extracting(SourceDocument::id).containsExactly("article");
    assertThat(scan.problems()).isEmpty();
  }

  @Test
  void aScanCountsThePassagesOfAllItsDocuments() {
    Path corpus = dir.resolve("c");
    SeedCorpus.write(corpus, "one.txt", "One\nFirst.\n");
    SeedCorpus.write(corpus, "two.txt", "Two\nFirst.\nSecond.\n");

    assertThat(new CorpusReader(corpus).scan().passageCount()).isEqualTo(5);
  }

  @Test
  void aFolderThatCannotBeReadIsReportedAndTheRestIsRead() throws Exception {
    // Permissions stop no one running as root (as CI does); a path longer than the system's
    // limit (4096 bytes on Linux) fails for anyone. Java opens files by their whole path and
    // cannot make one, but mkdir -p goes down one folder at a time; rm -r removes it the same way.
    Path corpus = SeedCorpus.copyTo(dir);
    String folder = "f".repeat(250);
    // 20 x 251 bytes below the corpus folder: past 4096 wherever the corpus is.
    String deep = String.join("/", Collections.nCopies(20, folder));
    SeedCorpus.write(corpus, folder + "/shallow.txt", "Shallow\nRead as usual.\n");
    try {
      run(corpus, "mkdir", "-p", deep);

      CorpusScan scan = new CorpusReader(corpus).scan();

      assertThat(scan.documents())
          .extracting(SourceDocument::id)
          .containsExactly("article", folder + "/shallow");
      assertThat(scan.problems())
          .singleElement()
          .satisfies(
              skip -> {
                assertThat(skip.path()).matches("(f{250}/)+f{250}");
                assertThat(skip.reason())
                    .startsWith("cannot read: ")
                    .contains("File name too long");
                assertThat(skip.indexed()).isFalse();
              });
    } finally {
      run(corpus, "rm", "-r", folder); // JUnit's clean-up cannot name what is that deep
    }
  }

  private static void run(Path directory, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
  }
}
