package dev.passages.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/**
 * The API's answers: JSON written straight to bytes, gzipped here (by {@link GzipBytes}, with
 * reused compressors) when the client takes gzip and the answer is large enough to gain from it.
 */
final class JsonAnswers {

  /**
   * Answers smaller than this go as they are: they fit one Ethernet frame either way, so gzip would
   * save no round trip.
   */
  static final int MIN_GZIP_BYTES = 1_400;

  private final GzipBytes gzip = new GzipBytes(GzipBytes.ANSWER_LEVEL);

  /** Sends {@code value} as the JSON body of {@code ctx}'s answer, keeping its status. */
  void send(Context ctx, Object value) {
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    ctx.contentType("application/json");
    ctx.header("Vary", "Accept-Encoding");
    if (body.length >= MIN_GZIP_BYTES && GzipBytes.acceptsGzip(ctx.header("Accept-Encoding"))) {
      ctx.header("Content-Encoding", "gzip");
      ctx.result(gzip.gzip(body));
    } else {
      ctx.result(body);
    }
  }
}
