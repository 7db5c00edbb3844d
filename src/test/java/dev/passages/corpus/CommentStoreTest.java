package dev.passages.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comment files: whole or absent, and what a killed writer leaves is cleared on the next start. */
class CommentStoreTest {

  @TempDir Path corpus;

  @Test
  void anAddedCommentIsOneWholeFileAndNoTemporaryOne() throws Exception {
    Comment comment = new CommentStore(corpus).add("article", 5, "Ada", "Uranium.\nAnd oil.");

    assertThat(names()).containsExactly(comment.id() + ".txt");
    FrontMatter parsed =
        FrontMatter.split(Files.readString(corpus.resolve("comments/" + comment.id() + ".txt")));
    assertThat(parsed.metadata().author()).isEqualTo("Ada");
    assertThat(parsed.metadata().about()).isEqualTo("article#p5");
    assertThat(parsed.body()).isEqualTo("Uranium.\nAnd oil.\n");
  }

  @Test
  void anAuthorInQuotesKeepsThemInTheFile() throws Exception {
    CommentStore store = new CommentStore(corpus);
    for (String author :
        new String[] {"\"JD\"", "'Jo'", "\"\"", "''", "\"", "'Ann \"A\"", "Ann \"A\""}) {
      Comment comment = store.add("article", null, author, "Yes.");
      String file = Files.readString(corpus.resolve("comments/" + comment.id() + ".txt"));
      assertThat(FrontMatter.split(file).metadata().author()).as(file).isEqualTo(author);
    }
  }

  @Test
  void removeUnfinishedDeletesTheTemporaryFilesOfWritesThatNeverEndedAndNothingElse()
      throws Exception {
    CommentStore store = new CommentStore(corpus);
    Comment kept = store.add("article", null, "Ada", "Kept.");
    Path comments = corpus.resolve("comments");
    Files.writeString(comments.resolve(".20260101T000000Z-abcdefgh.tmp"), "---\ntitle: Comm");
    Files.writeString(comments.resolve(".20260101T000001Z-zyxw2345.tmp"), "");
    Files.writeString(comments.resolve(".notes.tmp"), "someone else's hidden file");
    Files.writeString(comments.resolve("draft.tmp"), "not hidden, not ours");

    assertThat(store.removeUnfinished()).isEqualTo(2);

    assertThat(names()).containsExactlyInAnyOrder(kept.id() + ".txt", ".notes.tmp", "draft.tmp");
    assertThat(store.removeUnfinished()).isZero();
  }

  @Test
  void removeUnfinishedFindsNothingWhenNoCommentWasEverPosted() throws Exception {
    assertThat(new CommentStore(corpus).removeUnfinished()).isZero();
    assertThat(corpus.resolve("comments")).doesNotExist();
  }

  private Stream<String> names() throws Exception {
    try (Stream<Path> files = Files.list(corpus.resolve("comments"))) {
      return files.map(f -> f.getFileName().toString()).toList().stream();
    }
  }

  @Test
  void aCommentsIdIsItsUtcSecondAndEightRandomLettersAndNamesItsFile() throws Exception {
    Comment comment = new CommentStore(corpus).add("article", 1, "Ada", "Yes.");

    assertThat(comment.id())
        .matches("\\d{8}T\\d{6}Z-[a-z2-7]{8}")
        .startsWith(
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(comment.date()));
    assertThat(CommentStore.isId(comment.id())).isTrue();
    assertThat(corpus.resolve(comment.path())).isRegularFile();
    assertThat(comment.documentId()).isEqualTo("comments/" + comment.id());
  }

  @Test
  void theShapeOfAnIdIsExact() {
    assertThat(CommentStore.isId("20260102T030405Z-abcdef27")).isTrue();
    assertThat(CommentStore.isId("20260102T030405Z-abcdef2")).isFalse();
    assertThat(CommentStore.isId("20260102T030405Z-abcdef271")).isFalse();
    assertThat(CommentStore.isId("20260102T030405Z-ABCDEF27")).isFalse();
    assertThat(CommentStore.isId("../article")).isFalse();
  }

  @Test
  void deleteRemovesACommentOnceAndNothingThatIsNotACommentId() throws Exception {
    CommentStore store = new CommentStore(corpus);
    Comment comment = store.add("article", null, "Ada", "Delete me.");
    Comment other = store.add("article", null, "Bob", "Keep me.");
    Path outside = Files.writeString(corpus.resolve("article.txt"), "Article\nText.\n");

    assertThat(store.delete("../article")).isFalse();
    assertThat(store.delete("article")).isFalse();
    assertThat(outside).exists();

    assertThat(store.delete(comment.id())).isTrue();
    assertThat(names()).containsExactly(other.id() + ".txt");
    assertThat(store.delete(comment.id())).isFalse();
  }
}
