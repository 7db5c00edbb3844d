package dev.passages.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip for answers held in memory, with the compressors kept for reuse.
 *
 * <p>Why not a {@code GZIPOutputStream} per answer, as Javalin does: setting up zlib's state (some
 * 270 KB) and freeing it costs more than compressing a search answer of a few KB (measured by
 * {@code CompressionBenchmark}). A reset compressor costs nothing to set up.
 */
public final class GzipBytes {

  /**
   * The level for answers made per request: zlib's fastest. Higher levels save a few percent more
   * bytes of a search answer at about twice the CPU ({@code CompressionBenchmark}, bench/README).
   */
  static final int ANSWER_LEVEL = Deflater.BEST_SPEED;

  /** Kept compressors: enough for every request under way on a few cores. */
  private static final int POOLED = 16;

  private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, -1};

  private final int level;
  private final ArrayBlockingQueue<Deflater> pool = new ArrayBlockingQueue<>(POOLED);

  /** A pool of compressors at {@code level}. */
  GzipBytes(int level) {
    this.level = level;
  }

  /** Whether an Accept-Encoding header takes gzip: listed (or {@code *}) without {@code q=0}. */
  public static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] fields = part.split(";");
      String coding = fields[0].strip().toLowerCase(Locale.ROOT);
      if (!coding.equals("gzip") && !coding.equals("*")) {
        continue;
      }
      boolean refused = false;
      for (int i = 1; i < fields.length; i++) {
        String parameter = fields[i].strip().toLowerCase(Locale.ROOT);
        if (parameter.startsWith("q=")) {
          refused = parameter.substring(2).strip().matches("0(\\.0{0,3})?");
        }
      }
      if (!refused) {
        return true;
      }
    }
    return false;
  }

  /** {@code plain} gzipped, with a compressor from the pool. Thread-safe. */
  byte[] gzip(byte[] plain) {
    Deflater deflater = pool.poll();
    if (deflater == null) {
      deflater = new Deflater(level, true);
    }
    try {
      return gzip(plain, deflater);
    } finally {
      if (!pool.offer(deflater)) {
        deflater.end();
      }
    }
  }

  /**
   * {@code plain} gzipped (RFC 1952) by {@code deflater}, which must be raw ({@code nowrap}); it is
   * reset first.
   */
  public static byte[] gzip(byte[] plain, Deflater deflater) {
    deflater.reset();
    deflater.setInput(plain);
    deflater.finish();
    // Deflate never grows its input by more than a few bytes per 16 KB block.
    byte[] out = new byte[HEADER.length + plain.length + plain.length / 1000 + 64];
    System.arraycopy(HEADER, 0, out, 0, HEADER.length);
    int length = HEADER.length;
    while (!deflater.finished()) {
      if (length == out.length - 8) {
        out = Arrays.copyOf(out, out.length * 2);
      }
      length += deflater.deflate(out, length, out.length - 8 - length);
    }
    CRC32 crc = new CRC32();
    crc.update(plain);
    length = putIntLittleEndian(out, length, (int) crc.getValue());
    length = putIntLittleEndian(out, length, plain.length);
    return Arrays.copyOf(out, length);
  }

  private static int putIntLittleEndian(byte[] out, int at, int value) {
    out[at] = (byte) value;
    out[at + 1] = (byte) (value >>> 8);
    out[at + 2] = (byte) (value >>> 16);
    out[at + 3] = (byte) (value >>> 24);
    return at + 4;
  }
}
