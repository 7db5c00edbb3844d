package dev.passages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code passages index} over a corpus built to break it, in a child JVM with a 256 MB heap: it
 * finishes, indexes what it can, says why it skipped the rest, and stays in the corpus.
 */
class HostileCorpusTest {

  static final String HEAP = "-Xmx256m";

  @TempDir static Path dir;

  static Path corpus;
  static String output;
  static int exit;

  @BeforeAll
  static void indexAHostileCorpus() throws Exception {
    corpus = SeedCorpus.copyTo(dir);
    Path commentary = Files.createDirectories(corpus.resolve("commentary"));
    try (OutputStream out = Files.newOutputStream(commentary.resolve("huge.txt"))) {
      byte[] line =
          "A line of a fifty megabyte file that nobody should index whole.\n"
              .getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }
    try (OutputStream out = Files.newOutputStream(commentary.resolve("one-line.txt"))) {
      byte[] sentence =
          "Zeppelins drift over the long steppe tonight. ".getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < 10L * 1024 * 1024; written += sentence.length) {
        out.write(sentence);
      }
    }
    Files.write(commentary.resolve("binary.txt"), new byte[] {0x50, 0x4B, 3, 4, 0, 0, 0, 1, 2});
    Files.write(
        commentary.resolve("latin1.txt"),
        "Caf\u00e9 notes\nCr\u00e8me br\u00fbl\u00e9e.\n".getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(commentary.resolve("bom.txt"), "\uFEFFWith a BOM\nBody text here.\n");
    Files.writeString(
        commentary.resolve("crlf.txt"), "Windows lines\r\nFirst para.\r\nSecond para.\r\n");
    Files.writeString(commentary.resolve("cr.txt"), "Old Mac lines\rOnly para.\r");
    Files.writeString(commentary.resolve("empty.txt"), "");
    Files.writeString(
        commentary.resolve("Заметки о степи и ветре.txt"), "Степь\nВетер над степью.\n");
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "Secret\nPassword hunter2.\n");
    Files.createSymbolicLink(commentary.resolve("leak.txt"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(commentary.resolve("outside-dir"), outside);
    Files.createSymbolicLink(commentary.resolve("loop"), commentary);
    Files.createSymbolicLink(commentary.resolve("a.txt"), commentary.resolve("b.txt"));
    Files.createSymbolicLink(commentary.resolve("b.txt"), commentary.resolve("a.txt"));
    Path locked =
        Files.writeString(commentary.resolve("locked.txt"), "Locked\nNo one may read this.\n");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

    String java = ProcessHandle.current().info().command().orElse("java");
    Process index =
        new ProcessBuilder(
                List.of(
                    java,
                    HEAP,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "index",
                    // What is read and how it is skipped is the point here; embedding the 10 MB
                    // line's thousand 10,000-character passages would take a minute.
                    "--semantic",
                    "off",
                    "--corpus",
                    corpus.toString(),
                    "--index",
                    dir.resolve("index").toString()))
            .redirectErrorStream(true)
            .start();
    output = new String(index.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(index.waitFor(120, TimeUnit.SECONDS)).isTrue();
    exit = index.exitValue();
    System.out.println("hostile corpus, indexed with " + HEAP + ":\n" + output);
  }

  @Test
  void indexingFinishesAndIndexesWhatItCan() {
    assertThat(exit).isZero();
    assertThat(output)
        .contains("article ")
        .contains("commentary/one-line")
        .contains("commentary/bom")
        .contains("commentary/crlf")
        .contains("commentary/cr ")
        .contains("commentary/Заметки о степи и ветре");
  }

  @Test
  void everySkipSaysWhy() {
    assertThat(output)
        .contains("skipped: commentary/huge.txt: file is 52428")
        .contains("the limit is 33554432")
        .contains("skipped: commentary/binary.txt: binary file, not text")
        .contains("warning: commentary/latin1.txt: not valid UTF-8")
        .contains("skipped: commentary/empty.txt: file has no text")
        .contains("skipped: commentary/leak.txt: link points outside the corpus folder");
  }

  @Test
  void linksOutOfTheCorpusAndLoopsAreNotFollowed() {
    assertThat(output)
        .doesNotContain("secret")
        .doesNotContain("commentary/loop/")
        .doesNotContain("hunter2");
  }

  @Test
  void anUnreadableFileIsSkippedOrAsRootRead() throws IOException {
    if (Files.isReadable(corpus.resolve("commentary/locked.txt"))) {
      assertThat(output).contains("commentary/locked"); // root reads it anyway
    } else {
      assertThat(output).contains("skipped: commentary/locked.txt: cannot read file");
    }
  }

  @Test
  void aTenMegabyteLineBecomesPassagesOfBoundedSize() {
    assertThat(output).containsPattern("commentary/one-line +commentary +\\d{4} passages");
  }
}
