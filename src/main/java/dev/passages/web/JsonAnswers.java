package dev.passages.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.passages.search.BoundedCache;
import dev.passages.search.SearchRequest;
import dev.passages.search.SearchResult;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's answers: JSON written straight to bytes, compressed here (with reused compressors) when
 * the client takes it and the answer is large enough to gain from it: in zstd ({@link ZstdBytes})
 * when the client takes zstd, as browsers but Safari do, for a quarter of gzip's CPU; else in
 * brotli ({@link BrotliBytes}) when it takes br, as Safari does over HTTPS, for little more; else
 * gzipped ({@link GzipBytes}). Search answers that the search keeps are kept here too, as bytes
 * ({@link KeptAnswer}): a repeated search is neither written nor compressed again (it goes gzipped
 * rather than in brotli to a client that takes both: brotli's streams cannot be spliced).
 */
final class JsonAnswers {

  private static final Logger LOG = LoggerFactory.getLogger(JsonAnswers.class);

  /**
   * Answers smaller than this go as they are: they fit one Ethernet frame either way, so
   * compressing would save no round trip.
   */
  static final int MIN_COMPRESSED_BYTES = 1_400;

  /**
   * Larger search answers are not kept as bytes; the search keeps none over 32,768 characters
   * either (a page of 100 long passages), so this only bounds memory: 64 KiB a request kept.
   */
  static final int MAX_KEPT_BYTES = 65_536;

  private final GzipBytes gzip = new GzipBytes(GzipBytes.ANSWER_LEVEL);
  private final ZstdBytes zstd = new ZstdBytes();

  /** How an answer goes: as it is, gzipped, in zstd or in brotli; named as in Content-Encoding. */
  private enum Coding {
    PLAIN(null),
    GZIP("gzip"),
    ZSTD("zstd"),
    BROTLI("br");

    final String contentEncoding;

    Coding(String contentEncoding) {
      this.contentEncoding = contentEncoding;
    }
  }

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
    write(
        ctx,
        switch (coding(ctx, body.length, false)) {
          case PLAIN -> body;
          case GZIP -> gzip.gzip(body);
          case ZSTD -> zstd.compress(body);
          case BROTLI -> BrotliBytes.compress(body);
        });
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
    boolean repeated = answer != null && answer.answers(result);
    if (!repeated) {
      answer = KeptAnswer.of(result);
      if (answer.length() > MAX_KEPT_BYTES) {
        send(ctx, result);
        return;
      }
      kept.put(request, answer);
    }
    double tookMs = result.tookMs();
    write(
        ctx,
        switch (coding(ctx, answer.length(), repeated)) {
          case PLAIN -> answer.plain(tookMs);
          case GZIP -> answer.gzipped(tookMs, gzip);
          case ZSTD -> answer.zstd(tookMs, zstd);
          // Brotli streams cannot be spliced as gzip's blocks and zstd's frames can: the JSON is
          // compressed whole.
          case BROTLI -> BrotliBytes.compress(answer.plain(tookMs));
        });
  }

  /**
   * Writes {@code body} as the whole answer, its length given: Jetty then sends the headers and
   * body in one write. Handed to Javalin as a result, it went in 8 KiB pieces, and an answer larger
   * than that was sent chunked, in three writes.
   */
  private static void write(Context ctx, byte[] body) {
    ctx.header("Content-Length", Integer.toString(body.length));
    try {
      ctx.outputStream().write(body);
    } catch (IOException e) {
      // The client went away (Jetty's EofException): there is no one left to answer.
      LOG.debug("answer to {} not sent: {}", ctx.path(), e.toString());
    }
  }

  /**
   * Sets {@code ctx}'s answer up as JSON, and says how it goes (marked so when compressed): the
   * cheapest coding the client takes, when {@code length} bytes are worth compressing, whatever its
   * q-values prefer, since they all shrink an answer about as far. Made afresh, that is zstd, else
   * brotli, else gzip. A {@code repeated} answer, kept as bytes, is spliced from parts compressed
   * once in gzip or zstd, but compressed whole in brotli: gzip comes before brotli for it.
   */
  private static Coding coding(Context ctx, int length, boolean repeated) {
    ctx.contentType("application/json");
    ctx.header("Vary", "Accept-Encoding");
    if (length < MIN_COMPRESSED_BYTES) {
      return Coding.PLAIN;
    }
    String accepted = ctx.header("Accept-Encoding");
    boolean brotli = AcceptEncoding.takes(accepted, "br", false);
    // BrotliBytes.ready() is asked only when brotli would be used: the first asking loads it.
    Coding coding;
    if (AcceptEncoding.takes(accepted, "zstd", false) && ZstdBytes.available()) {
      coding = Coding.ZSTD;
    } else if (brotli && !repeated && BrotliBytes.ready()) {
      coding = Coding.BROTLI;
    } else if (GzipBytes.acceptsGzip(accepted)) {
      coding = Coding.GZIP;
    } else if (brotli && BrotliBytes.ready()) {
      coding = Coding.BROTLI;
    } else {
      return Coding.PLAIN;
    }
    ctx.header("Content-Encoding", coding.contentEncoding);
    return coding;
  }
}
