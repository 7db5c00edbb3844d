package dev.passages.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.passages.comments.CommentBoard;
import dev.passages.corpus.Comment;
import dev.passages.corpus.CommentRejectedException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.OptionalLong;

/** Reader comments over HTTP: post, list, delete. */
final class CommentRoutes {

  /** Largest comment request body, in bytes. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  private final CommentBoard board;
  private final WebOptions options;
  private final RateLimiter posts;
  private final JsonAnswers answers;

  CommentRoutes(CommentBoard board, WebOptions options, JsonAnswers answers) {
    this.board = board;
    this.options = options;
    this.answers = answers;
    this.posts = new RateLimiter(options.commentsPerMinute(), Duration.ofMinutes(1));
  }

  /** What a client posts. */
  record CommentRequest(String doc, Integer paragraph, String author, String text) {}

  /** {@code POST /api/comments}: 201 with the stored comment once it is on disk and searchable. */
  void post(Context ctx) throws IOException {
    OptionalLong retryAfter = posts.tryAcquire(ctx.ip());
    if (retryAfter.isPresent()) {
      ctx.header("Retry-After", String.valueOf(retryAfter.getAsLong()));
      ctx.status(HttpStatus.TOO_MANY_REQUESTS)
          .json(
              ErrorBody.of(
                  "too many comments from this address; at most "
                      + options.commentsPerMinute()
                      + " a minute, try again in "
                      + retryAfter.getAsLong()
                      + " s"));
      return;
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_BODY_BYTES) {
      ctx.status(HttpStatus.CONTENT_TOO_LARGE)
          .json(
              ErrorBody.of(
                  "the body is " + body.length + " bytes; the limit is " + MAX_BODY_BYTES));
      return;
    }
    CommentRequest request = parse(body);
    Comment comment =
        board.post(request.doc(), request.paragraph(), request.author(), request.text());
    ctx.status(HttpStatus.CREATED)
        .header("Location", "/api/comments/" + comment.id())
        .json(
            new CommentBody(
                comment.id(),
                comment.doc(),
                comment.paragraph(),
                comment.author(),
                comment.date().toString(),
                comment.text()));
  }

  /** The stored comment as the API returns it. */
  record CommentBody(
      String id, String doc, Integer paragraph, String author, String date, String text) {}

  /** {@code GET /api/documents/{doc}/comments}. */
  void list(Context ctx) {
    String doc = ctx.pathParam("doc");
    answers.send(
        ctx,
        board.on(doc).orElseThrow(() -> new NotFoundResponse("no document with id '" + doc + "'")));
  }

  /** {@code DELETE /api/comments/{id}}: needs {@code Authorization: Bearer <admin token>}. */
  void delete(Context ctx) throws IOException {
    if (!options.deletionEnabled()) {
      ctx.status(HttpStatus.FORBIDDEN)
          .json(
              ErrorBody.of(
                  "deleting comments is disabled; start the server with PASSAGES_ADMIN_TOKEN set"));
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      ctx.header("WWW-Authenticate", "Bearer");
      ctx.status(HttpStatus.UNAUTHORIZED)
          .json(ErrorBody.of("deleting a comment needs the header Authorization: Bearer <token>"));
      return;
    }
    if (!sameToken(header.substring("Bearer ".length()), options.adminToken())) {
      ctx.status(HttpStatus.FORBIDDEN).json(ErrorBody.of("wrong admin token"));
      return;
    }
    String id = ctx.pathParam("id");
    if (!board.delete(id)) {
      throw new NotFoundResponse("no comment with id '" + id + "'");
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** Compares in time independent of where the strings differ, so timing reveals nothing. */
  private static boolean sameToken(String given, String expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static CommentRequest parse(byte[] body) {
    try {
      CommentRequest request = Json.mapper().readValue(body, CommentRequest.class);
      if (request == null) {
        throw new CommentRejectedException("body", "the body must be a JSON object");
      }
      return request;
    } catch (MismatchedInputException e) {
      String field =
          e.getPath().isEmpty() ? "body" : String.valueOf(e.getPath().getFirst().getFieldName());
      throw new CommentRejectedException(
          field,
          field.equals("paragraph")
              ? "paragraph must be a whole number"
              : field + " has the wrong type");
    } catch (JsonProcessingException e) {
      throw new CommentRejectedException(
          "body", "the body must be a JSON object: {\"doc\", \"author\", \"text\", \"paragraph\"}");
    } catch (IOException e) {
      throw new CommentRejectedException("body", "the body could not be read");
    }
  }
}
