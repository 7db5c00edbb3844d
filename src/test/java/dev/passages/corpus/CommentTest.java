package dev.passages.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules a reader comment must keep, checked at each limit from both sides. */
class CommentTest {

  private static final Instant DATE = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void aCommentMayAnswerTheFirstParagraphButNoneBeforeIt() {
    assertThat(comment("article", 1, "Ada", "Yes.").about()).isEqualTo("article#p1");
    assertThat(comment("article", null, "Ada", "Yes.").about()).isEqualTo("article");
    assertRejected(
        () -> comment("article", 0, "Ada", "Yes."),
        "paragraph",
        "paragraph must be 1 or more, got 0");
  }

  @Test
  void anAuthorMayHave80CharactersCountedAsCharactersNotUtf16Units() {
    String longest = "A".repeat(Comment.MAX_AUTHOR_CHARS);
    assertThat(comment("article", null, longest, "Yes.").author()).isEqualTo(longest);
    // An emoji is two UTF-16 units but one character.
    String emoji = "🙂".repeat(Comment.MAX_AUTHOR_CHARS);
    assertThat(comment("article", null, emoji, "Yes.").author()).isEqualTo(emoji);
    assertRejected(
        () -> comment("article", null, longest + "A", "Yes."),
        "author",
        "author is 81 characters long; the limit is 80");
  }

  @Test
  void aTextMayHave5000CharactersAfterStripping() {
    String longest = "x".repeat(Comment.MAX_TEXT_CHARS);
    assertThat(comment("article", null, "Ada", "  " + longest + "\n").text()).isEqualTo(longest);
    assertRejected(
        () -> comment("article", null, "Ada", longest + "x"),
        "text",
        "text is 5001 characters long; the limit is 5000");
  }

  @Test
  void blankFieldsAndAnAuthorOfTwoLinesAreRejectedNamingTheField() {
    assertRejected(() -> comment(" ", null, "Ada", "Yes."), "doc", "doc is required");
    assertRejected(() -> comment("article", null, null, "Yes."), "author", "author is required");
    assertRejected(() -> comment("article", null, "Ada", "\n"), "text", "text is required");
    assertRejected(
        () -> comment("article", null, "Ada", "\u00a0 \u202f\n\u00a0"), "text", "text is required");
    assertRejected(
        () -> comment("article", null, "\u00a0", "Yes."), "author", "author is required");
    assertThat(comment("article", null, "\u00a0Ada\u00a0", "\u00a0Yes.\u00a0").text())
        .isEqualTo("Yes.");
    assertRejected(
        () -> comment("article", null, "Ada\nLovelace", "Yes."),
        "author",
        "author must be one line of text");
  }

  @Test
  void aCommentIsTheDocumentOfItsFileUnderComments() {
    Comment comment = comment("article", 2, "Ada", "Line one\r\nLine two\rLine three");
    assertThat(comment.documentId()).isEqualTo("comments/c-1");
    assertThat(comment.path()).isEqualTo("comments/c-1.txt");
    assertThat(comment.text()).isEqualTo("Line one\nLine two\nLine three");
  }

  private static Comment comment(String doc, Integer paragraph, String author, String text) {
    return new Comment("c-1", doc, paragraph, author, text, DATE);
  }

  private static void assertRejected(Runnable create, String field, String message) {
    assertThatThrownBy(create::run)
        .isInstanceOfSatisfying(
            CommentRejectedException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessage(message);
  }
}
