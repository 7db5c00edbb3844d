package dev.passages.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brotli (RFC 7932) for answers held in memory, for the clients that take {@code br} but not zstd:
 * Safari, and browsers older than zstd (browsers offer br over HTTPS). At quality 0 a search answer
 * shrinks almost as far as with gzip at level 1 (34.8 % of the bytes left against 32.8 %) for a
 * quarter of the CPU: 13 µs an answer against 46 µs, alone in a loop, over bench/queries.txt's
 * answers. Quality 1 saves 1 % more of the bytes for twice the CPU. The native library is
 * brotli4j's; where it cannot be loaded (a platform the jar has no library for, a temporary folder
 * mounted noexec) answers go gzipped.
 */
final class BrotliBytes {

  private static final Logger LOG = LoggerFactory.getLogger(BrotliBytes.class);

  /**
   * Quality 0, and a window of 64 KiB (2^16): answers are compressed whole and kept ones are at
   * most that large, so a larger window would find nothing more.
   */
  private static final Encoder.Parameters ANSWER =
      new Encoder.Parameters().setQuality(0).setWindow(16);

  /** Null until the library's loading has ended, then whether it loaded. */
  private static volatile Boolean loaded;

  /** Whether {@link #ready} has started the loading. */
  private static final AtomicBoolean loading = new AtomicBoolean();

  private BrotliBytes() {}

  /**
   * Whether brotli can be used now. The first call starts loading the native library in the
   * background and says no, as every call does until it has loaded: answers go another way
   * meanwhile (gzipped, as clients that take br take gzip too; else plain). No answer waits for the
   * library, and the server's start does not load it: about 20 ms of CPU, measured to cost 37 ms of
   * the start on two cores (16 pairs of starts), for the clients that need it, Safari's.
   */
  static boolean ready() {
    Boolean known = loaded;
    if (known != null) {
      return known;
    }
    if (loading.compareAndSet(false, true)) {
      Thread.ofVirtual().name("brotli-loading").start(BrotliBytes::available);
    }
    return false;
  }

  /** Whether brotli can be used here: loads the native library, waiting for it, the first time. */
  static boolean available() {
    return Library.LOADED;
  }

  /** Holds the outcome of loading the library, which happens once, on first use. */
  private static final class Library {
    static final boolean LOADED = load();

    private static boolean load() {
      boolean ok;
      try {
        Brotli4jLoader.ensureAvailability();
        ok = true;
      } catch (LinkageError | RuntimeException e) {
        LOG.warn("brotli is not available here ({}); answers are gzipped instead", e.toString());
        ok = false;
      }
      loaded = ok;
      return ok;
    }
  }

  /**
   * {@code plain} compressed as one brotli stream. Thread-safe; only when {@link #ready} or {@link
   * #available}.
   */
  static byte[] compress(byte[] plain) {
    try {
      return Encoder.compress(plain, ANSWER);
    } catch (IOException e) {
      // The encoder reports only its own failures (out of memory), never the input's.
      throw new UncheckedIOException(e);
    }
  }
}
