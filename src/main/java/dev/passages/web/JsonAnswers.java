package dev.passages.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.passages.search.BoundedCache;
import dev.passages.search.SearchRequest;
import dev.passages.search.SearchResult;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/**
 * The API's answers: JSON written straight to bytes, gzipped here (by {@link GzipBytes}, with
 * reused compressors) when the client takes gzip and the answer is large enough to gain from it.
 * Search answers that the search keeps are kept here too, as bytes ({@link KeptAnswer}): a repeated
 * search is neither written nor compressed again.
 */
final class JsonAnswers {

  /**
   * Answers smaller than this go as they are: they fit one Ethernet frame either way, so gzip would
   * save no round trip.
   */
  static final int MIN_GZIP_BYTES = 1_400;

  /**
   * Larger search answers are not kept as bytes; the search keeps none over 32,768 characters
   * either (a page of 100 long passages), so this only bounds memory: 64 KiB a request kept.
   */
  static final int MAX_KEPT_BYTES = 65_536;

  private final GzipBytes gzip = new GzipBytes(GzipBytes.ANSWER_LEVEL);

  /** Search answers as bytes, by request; null: none kept. */
  private final BoundedCache<SearchRequest, KeptAnswer> kept;

  /** Answers that keep the bytes of up to {@code keptSearches} search answers (0: none). */
  JsonAnswers(int keptSearches) {
    this.kept = keptSearches > 0 ? new BoundedCache<>(keptSearches) : null;
  }

  /** Sends {@code value} as the JSON body of {@code ctx}'s answer, keeping its status. */
  void send(Context ctx, Object value) {
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    if (jsonTakingGzip(ctx, body.length)) {
      ctx.result(gzip.gzip(body));
    } else {
      ctx.result(body);
    }
  }

  /**
   * Sends {@code result}, the answer to {@code request}, from the bytes kept for it when it is the
   * same answer given again (only its time differs).
   */
  void send(Context ctx, SearchRequest request, SearchResult result) {
    if (kept == null) {
      send(ctx, result);
      return;
    }
    KeptAnswer answer = kept.get(request);
    if (answer == null || !answer.answers(result)) {
      answer = KeptAnswer.of(result);
      if (answer.length() > MAX_KEPT_BYTES) {
        send(ctx, result);
        return;
      }
      kept.put(request, answer);
    }
    if (jsonTakingGzip(ctx, answer.length())) {
      ctx.result(answer.gzipped(result.tookMs(), gzip));
    } else {
      ctx.result(answer.plain(result.tookMs()));
    }
  }

  /**
   * Sets {@code ctx}'s answer up as JSON, and says whether it goes gzipped (then so marked): when
   * the client takes gzip and {@code length} bytes are worth it.
   */
  private static boolean jsonTakingGzip(Context ctx, int length) {
    ctx.contentType("application/json");
    ctx.header("Vary", "Accept-Encoding");
    if (length >= MIN_GZIP_BYTES && GzipBytes.acceptsGzip(ctx.header("Accept-Encoding"))) {
      ctx.header("Content-Encoding", "gzip");
      return true;
    }
    return false;
  }
}
