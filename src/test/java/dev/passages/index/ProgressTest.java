package dev.passages.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.corpus.Skip;
import dev.passages.corpus.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures a person reads while a corpus is indexed or embedded, and in the reports after. */
class ProgressTest {

  @Test
  void indexingRateAndTimeLeftComeFromBytesOrElseFromFiles() {
    assertThat(new IndexProgress(1, 4, 0, 0, 30, 0).passagesPerSecond())
        .as("no time passed yet: no rate")
        .isZero();
    assertThat(new IndexProgress(1, 4, 0, 0, 30, 1).passagesPerSecond()).isEqualTo(30_000.0);
    assertThat(new IndexProgress(1, 4, 0, 0, 30, 3_000).remainingMillis())
        .as("sizes unknown: by files")
        .isEqualTo(9_000);
    assertThat(new IndexProgress(1, 4, 0, 400, 30, 3_000).remainingMillis())
        .as("nothing read of the bytes yet: by files")
        .isEqualTo(9_000);
    assertThat(new IndexProgress(1, 4, 100, 400, 30, 3_000).remainingMillis()).isEqualTo(9_000);
    assertThat(new IndexProgress(1, 4, 300, 400, 30, 3_000).remainingMillis()).isEqualTo(1_000);
    assertThat(new IndexProgress(2, 4, 0, 0, 60, 3_000).remainingMillis()).isEqualTo(3_000);
    assertThat(new IndexProgress(0, 4, 0, 0, 0, 3_000).remainingMillis()).isEqualTo(-1);
    assertThat(new IndexProgress(4, 4, 400, 400, 120, 3_000).remainingMillis()).isZero();
  }

  @Test
  void embeddingProgressSaysHowManyAtWhatRateAndHowLongIsLeft() {
    VectorProgress running = new VectorProgress(1_200, 31_183, 180);
    assertThat(running.secondsLeft()).isEqualTo(167);
    assertThat(running.describe())
        .isEqualTo("1,200/31,183 passages, 180 passages/s, about 167 s left");

    VectorProgress noRate = new VectorProgress(1_200, 31_183, 0);
    assertThat(noRate.secondsLeft()).isEqualTo(-1);
    assertThat(noRate.describe()).isEqualTo("1,200/31,183 passages, 0 passages/s");

    VectorProgress done = new VectorProgress(31_183, 31_183, 180);
    assertThat(done.secondsLeft()).isZero();
    assertThat(done.describe()).endsWith(", about 0 s left");
    assertThat(VectorProgress.NOT_STARTED).isEqualTo(new VectorProgress(0, 0, 0));
  }

  @Test
  void embeddingRateIsPassagesOfThisRunPerSecond() {
    VectorCounts counts = new VectorCounts(300, 1_000);
    assertThat(VectorProgress.of(counts, 100, 500_000_000L))
        .isEqualTo(new VectorProgress(300, 1_000, 200));
    assertThat(VectorProgress.of(counts, 100, 0))
        .as("no time passed: no rate")
        .isEqualTo(new VectorProgress(300, 1_000, 0));
  }

  @Test
  void passagesStillToEmbedAreNeverNegative() {
    assertThat(new VectorCounts(3, 10).pending()).isEqualTo(7);
    assertThat(new VectorCounts(10, 10).pending()).isZero();
    assertThat(new VectorCounts(12, 10).pending()).isZero();
  }

  @Test
  void aReportChangedAnythingWhenItAddedUpdatedOrRemovedADocument() {
    assertThat(report(0, 0, 0, 5).changedAnything()).isFalse();
    assertThat(report(1, 0, 0, 5).changedAnything()).isTrue();
    assertThat(report(0, 1, 0, 5).changedAnything()).isTrue();
    assertThat(report(0, 0, 1, 5).changedAnything()).isTrue();
  }

  @Test
  void aReportKeepsWhatItWasGivenAsItWas() {
    List<DocumentStats> documents = new ArrayList<>();
    documents.add(new DocumentStats("article", Source.ARTICLE, 15, List.of()));
    documents.add(new DocumentStats("commentary/op", Source.COMMENTARY, 4, List.of("Share")));
    List<Skip> problems = new ArrayList<>(List.of(new Skip("x.pdf", "unsupported", false)));
    IndexReport report = new IndexReport(documents, 2, 0, 0, 0, problems, 7);
    documents.clear();
    problems.clear();
    assertThat(report.documents()).hasSize(2);
    assertThat(report.problems()).hasSize(1);
    assertThat(report.passages()).isEqualTo(19);
  }

  private static IndexReport report(int added, int updated, int removed, int unchanged) {
    return new IndexReport(List.of(), added, updated, removed, unchanged, List.of(), 0);
  }
}
