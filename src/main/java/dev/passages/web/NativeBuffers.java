package dev.passages.web;

import java.nio.ByteBuffer;

/**
 * The native-memory buffers a kept compressor reads from and writes to. Handed heap arrays, zlib
 * and zstd pin them for the call (JNI critical sections), and a garbage collection that meets a
 * pinned region cannot move what it holds: under load, every run of compressed answers had G1 log
 * "Evacuation Failure: Pinned" collections, and runs of plain answers none. Copying an answer in
 * and out costs well under a microsecond.
 */
final class NativeBuffers {

  /** Answers larger than this (rare: a page of 100 long passages) go through heap arrays. */
  static final int MAX_BYTES = 256 * 1024;

  private static final int FIRST_BYTES = 16 * 1024;

  private ByteBuffer in = ByteBuffer.allocateDirect(FIRST_BYTES);
  private ByteBuffer out = ByteBuffer.allocateDirect(FIRST_BYTES);

  /** Whether {@code bytes} of input go through these buffers. */
  static boolean fit(int bytes) {
    return bytes <= MAX_BYTES;
  }

  /** The input buffer holding {@code plain}, from position 0 to its limit. */
  ByteBuffer input(byte[] plain) {
    if (in.capacity() < plain.length) {
      in = ByteBuffer.allocateDirect(plain.length);
    }
    in.clear();
    in.put(plain).flip();
    return in;
  }

  /** The output buffer, empty, with room for at least {@code bytes}. */
  ByteBuffer output(int bytes) {
    if (out.capacity() < bytes) {
      out = ByteBuffer.allocateDirect(bytes);
    }
    out.clear();
    return out;
  }

  /** The first {@code length} bytes of {@code buffer}, as an array. */
  static byte[] copy(ByteBuffer buffer, int length) {
    byte[] bytes = new byte[length];
    buffer.get(0, bytes);
    return bytes;
  }
}
