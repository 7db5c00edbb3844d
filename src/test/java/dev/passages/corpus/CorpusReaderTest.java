package dev.passages.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
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
}
