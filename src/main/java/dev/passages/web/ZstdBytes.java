package dev.passages.web;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.util.Native;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zstandard (RFC 8878) for answers held in memory, for the clients that take it (Chrome, Edge and
 * Firefox send {@code zstd} in Accept-Encoding). At its level 1 a search answer of 4.9 KB shrinks
 * as far as with gzip at level 1 (32 % against 33 %) for a quarter of the CPU, 10-15 µs against
 * 43-57 µs ({@code CompressionBenchmark}, bench/README). The native library is zstd-jni's; where it
 * cannot be loaded (a platform the jar has no library for, a temporary folder mounted noexec)
 * answers go gzipped as before.
 */
final class ZstdBytes {

  private static final Logger LOG = LoggerFactory.getLogger(ZstdBytes.class);

  /** The level for answers made per request. */
  static final int ANSWER_LEVEL = 1;

  /**
   * The match finder's table: 2^11 entries, 8 KB, instead of the 64 KB level 1 takes for an answer
   * of a few KB. Alone in a loop (JMH) the larger table stays in the CPU's caches; in the server,
   * between searches, it does not, and each answer paid for reaching it: a profile under load put
   * zstd at 35 µs an answer, three times its cost alone, and the server's CPU per answer went from
   * +44-83 µs over plain to -23 to +20 µs with the smaller table (three rounds each). Answers grow
   * by 0.5-2 %.
   */
  private static final int HASH_LOG = 11;

  /** Kept compressors: enough for every request under way on a few cores. */
  private static final int POOLED = 16;

  /**
   * The last compressor given back is lent first: its tables are the likeliest still in the CPU's
   * caches. Lent in turn (a queue), each answer got the one used longest ago.
   */
  private final LinkedBlockingDeque<ZstdCompressCtx> pool = new LinkedBlockingDeque<>(POOLED);

  /** Whether zstd can be used here: loads the native library the first time (a few ms). */
  static boolean available() {
    return Library.LOADED;
  }

  /** Holds the outcome of loading the library, which happens once, on first use. */
  private static final class Library {
    static final boolean LOADED = load();

    private static boolean load() {
      try {
        Native.load();
        return true;
      } catch (LinkageError | RuntimeException e) {
        LOG.warn("zstd is not available here ({}); answers are gzipped instead", e.toString());
        return false;
      }
    }
  }

  /**
   * {@code plain} as one zstd frame, with a compressor from the pool. Thread-safe; only when {@link
   * #available}.
   */
  byte[] compress(byte[] plain) {
    return withContext(context -> context.compress(plain));
  }

  /**
   * {@code head}, {@code middle} and {@code tail} as one zstd answer, from the first and last
   * already compressed by {@link #compress}: the middle goes in a frame of its own between them. A
   * zstd stream may hold several frames, which decode to their contents in turn (RFC 8878, 3.1).
   */
  byte[] splice(byte[] compressedHead, byte[] middle, byte[] compressedTail) {
    byte[] between = compress(middle);
    byte[] out = new byte[compressedHead.length + between.length + compressedTail.length];
    System.arraycopy(compressedHead, 0, out, 0, compressedHead.length);
    System.arraycopy(between, 0, out, compressedHead.length, between.length);
    System.arraycopy(
        compressedTail, 0, out, compressedHead.length + between.length, compressedTail.length);
    return out;
  }

  /** What {@code work} makes with a compressor lent from the pool, and given back after. */
  private byte[] withContext(Function<ZstdCompressCtx, byte[]> work) {
    ZstdCompressCtx context = pool.pollFirst();
    if (context == null) {
      context = new ZstdCompressCtx();
      context.setLevel(ANSWER_LEVEL);
      context.setHashLog(HASH_LOG);
    }
    try {
      return work.apply(context);
    } finally {
      if (!pool.offerFirst(context)) {
        context.close();
      }
    }
  }
}
