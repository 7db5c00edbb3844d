package dev.passages.web;

import java.util.Arrays;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip for answers held in memory: one pass from a byte array to a byte array, with the compressors
 * kept for reuse rather than a {@code GZIPOutputStream}, and so a new zlib state of some 270 KB of
 * native memory, per answer as Javalin did. Measured ({@code CompressionBenchmark}), reuse saves no
 * CPU worth naming: the cost is zlib compressing (about 46 µs for a search answer of 4.9 KB at
 * level 1); it spares the allocator that churn under load.
 */
public final class GzipBytes {

  /**
   * The level for answers made per request: zlib's fastest. Level 6 (zlib's default) saves 2 % more
   * of a search answer's bytes for half as much CPU again ({@code CompressionBenchmark},
   * bench/README).
   */
  static final int ANSWER_LEVEL = Deflater.BEST_SPEED;

  /** Kept compressors: enough for every request under way on a few cores. */
  private static final int POOLED = 16;

  private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, -1};

  /** A stored block's header byte, its length and the length's complement. */
  private static final int STORED_BLOCK_HEADER = 5;

  private final int level;

  /** The last compressor given back is lent first, as in {@link ZstdBytes}: the warmest. */
  private final LinkedBlockingDeque<Deflater> pool = new LinkedBlockingDeque<>(POOLED);

  /** A pool of compressors at {@code level}. */
  GzipBytes(int level) {
    this.level = level;
  }

  /** Whether an Accept-Encoding header takes gzip: listed (or {@code *}) without {@code q=0}. */
  public static boolean acceptsGzip(String acceptEncoding) {
    return AcceptEncoding.takes(acceptEncoding, "gzip", true);
  }

  /** {@code plain} gzipped, with a compressor from the pool. Thread-safe. */
  byte[] gzip(byte[] plain) {
    return withDeflater(deflater -> gzip(plain, deflater));
  }

  /** What {@code work} makes with a compressor lent from the pool, and given back after. */
  private byte[] withDeflater(Function<Deflater, byte[]> work) {
    Deflater deflater = pool.pollFirst();
    if (deflater == null) {
      deflater = new Deflater(level, true);
    }
    try {
      return work.apply(deflater);
    } finally {
      if (!pool.offerFirst(deflater)) {
        deflater.end();
      }
    }
  }

  /**
   * {@code head}, {@code middle} and {@code tail} gzipped as one member, from the first and last
   * already deflated by {@link #deflateHead} and {@link #deflateTail}: {@code middle} goes in a
   * stored block between them. The tail's back-references stay within the tail, so the three
   * inflate as one stream; the trailer's checksum is over all three.
   */
  static byte[] splice(
      byte[] head, byte[] deflatedHead, byte[] middle, byte[] tail, byte[] deflatedTail) {
    // A stored block, not the last (RFC 1951, 3.2.4): its header bits are all 0, as the head ends
    // on a byte boundary (sync flush); then its length and the length's complement.
    byte[] stored = new byte[STORED_BLOCK_HEADER + middle.length];
    stored[1] = (byte) middle.length;
    stored[2] = (byte) (middle.length >>> 8);
    stored[3] = (byte) ~middle.length;
    stored[4] = (byte) (~middle.length >>> 8);
    System.arraycopy(middle, 0, stored, STORED_BLOCK_HEADER, middle.length);
    return member(new byte[][] {deflatedHead, stored, deflatedTail}, head, middle, tail);
  }

  /** {@code head} deflated and flushed to a byte boundary, for {@link #splice}; not the end. */
  byte[] deflateHead(byte[] head) {
    return withDeflater(deflater -> deflate(head, deflater, false));
  }

  /** {@code tail} deflated on its own, ending the stream, for {@link #splice}. */
  byte[] deflateTail(byte[] tail) {
    return withDeflater(deflater -> deflate(tail, deflater, true));
  }

  /**
   * {@code plain} gzipped (RFC 1952) by {@code deflater}, which must be raw ({@code nowrap}); it is
   * reset first.
   */
  public static byte[] gzip(byte[] plain, Deflater deflater) {
    return member(new byte[][] {deflate(plain, deflater, true)}, plain);
  }

  /**
   * {@code plain} deflated by {@code deflater} (reset first): to the end of the stream when {@code
   * last}, else flushed to a byte boundary so that more blocks may follow.
   */
  private static byte[] deflate(byte[] plain, Deflater deflater, boolean last) {
    deflater.reset();
    deflater.setInput(plain);
    if (last) {
      deflater.finish();
    }
    // Deflate never grows its input by more than a few bytes per 16 KB block.
    byte[] out = new byte[plain.length + plain.length / 1000 + 64];
    int length = 0;
    while (true) {
      if (length == out.length) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      length +=
          last
              ? deflater.deflate(out, length, out.length - length)
              : deflater.deflate(out, length, out.length - length, Deflater.SYNC_FLUSH);
      // Done when finished, or, flushing, when the flush fitted (room was left over).
      if (last ? deflater.finished() : length < out.length) {
        return Arrays.copyOf(out, length);
      }
    }
  }

  /**
   * A gzip member: the header, {@code deflated} in turn, and the trailer (CRC-32 and size) of the
   * {@code plain} parts they inflate to.
   */
  private static byte[] member(byte[][] deflated, byte[]... plain) {
    int size = HEADER.length + 8;
    for (byte[] part : deflated) {
      size += part.length;
    }
    byte[] out = Arrays.copyOf(HEADER, size);
    int at = HEADER.length;
    for (byte[] part : deflated) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    CRC32 crc = new CRC32();
    int plainLength = 0;
    for (byte[] part : plain) {
      crc.update(part);
      plainLength += part.length;
    }
    at = putIntLittleEndian(out, at, (int) crc.getValue());
    putIntLittleEndian(out, at, plainLength);
    return out;
  }

  private static int putIntLittleEndian(byte[] out, int at, int value) {
    out[at] = (byte) value;
    out[at + 1] = (byte) (value >>> 8);
    out[at + 2] = (byte) (value >>> 16);
    out[at + 3] = (byte) (value >>> 24);
    return at + 4;
  }
}
