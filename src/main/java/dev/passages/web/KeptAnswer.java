package dev.passages.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.passages.search.SearchResult;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A search answer kept as bytes around the one field that changes when it is given again, {@code
 * tookMs}: the JSON before the number and after it, and the same two parts deflated or compressed
 * with zstd once asked for. A repeated search (kept by {@code PassageSearch} until the index
 * changes) is then sent, plain, gzipped or in zstd, without writing its JSON or compressing it
 * again: the number goes between the parts, in a stored block of its own when gzipped ({@link
 * GzipBytes#splice}), in a frame of its own in zstd ({@link ZstdBytes#splice}).
 */
final class KeptAnswer {

  /** What tookMs is written as to find where it goes: no search ever takes negative time. */
  private static final double MARKER = -1.0;

  private static final byte[] MARKED_FIELD =
      (",\"tookMs\":" + MARKER + ",").getBytes(StandardCharsets.UTF_8);

  /** Length of the field's name and colon, which stay in the head. */
  private static final int NAME = ",\"tookMs\":".length();

  private final SearchResult result;
  private final byte[] head;
  private final byte[] tail;
  private volatile byte[][] deflated;
  private volatile byte[][] zstd;

  private KeptAnswer(SearchResult result, byte[] head, byte[] tail) {
    this.result = result;
    this.head = head;
    this.tail = tail;
  }

  /** {@code result} written to JSON once, split where its time goes. */
  static KeptAnswer of(SearchResult result) {
    byte[] json;
    try {
      json = Json.mapper().writeValueAsBytes(result.took(MARKER));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    // Unique: a quote inside a JSON string is escaped, so ,"tookMs": only occurs as the field.
    int at = indexOf(json, MARKED_FIELD);
    if (at < 0) {
      throw new IllegalStateException("no tookMs field in a search answer");
    }
    int number = at + NAME;
    return new KeptAnswer(
        result,
        Arrays.copyOfRange(json, 0, number),
        Arrays.copyOfRange(json, number + MARKED_FIELD.length - NAME - 1, json.length));
  }

  /** Whether {@code other} is this answer, given again (its time aside). */
  boolean answers(SearchResult other) {
    return result.sameAnswerAs(other);
  }

  /** The JSON of this answer taking {@code tookMs}. */
  byte[] plain(double tookMs) {
    byte[] number = number(tookMs);
    byte[] out = Arrays.copyOf(head, head.length + number.length + tail.length);
    System.arraycopy(number, 0, out, head.length, number.length);
    System.arraycopy(tail, 0, out, head.length + number.length, tail.length);
    return out;
  }

  /** The same, gzipped, the parts deflated by {@code gzip} the first time. */
  byte[] gzipped(double tookMs, GzipBytes gzip) {
    byte[][] parts = deflated;
    if (parts == null) {
      parts = new byte[][] {gzip.deflateHead(head), gzip.deflateTail(tail)};
      deflated = parts;
    }
    return GzipBytes.splice(head, parts[0], number(tookMs), tail, parts[1]);
  }

  /** The same in zstd, the parts compressed by {@code compressor} the first time. */
  byte[] zstd(double tookMs, ZstdBytes compressor) {
    byte[][] parts = zstd;
    if (parts == null) {
      parts = new byte[][] {compressor.compress(head), compressor.compress(tail)};
      zstd = parts;
    }
    return compressor.splice(parts[0], number(tookMs), parts[1]);
  }

  /** Its size, plain, with a time of a few characters. */
  int length() {
    return head.length + tail.length + 4;
  }

  private static byte[] number(double tookMs) {
    // As Jackson writes a double.
    return Double.toString(tookMs).getBytes(StandardCharsets.US_ASCII);
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
