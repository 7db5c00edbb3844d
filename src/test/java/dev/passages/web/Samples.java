package dev.passages.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Bytes for the compressors' tests: text like an answer's, and noise that does not compress. */
final class Samples {

  private Samples() {}

  /** {@code size} bytes of repeated JSON: compresses to a small fraction. */
  static byte[] text(int size) {
    return Arrays.copyOf(
        "{\"text\":\"Kazakhstan, uranium, Tokayev\"}"
            .repeat(size / 38 + 1)
            .getBytes(StandardCharsets.UTF_8),
        size);
  }

  /** {@code size} random bytes, the same each time: compressed, they only grow. */
  static byte[] noise(int size) {
    byte[] noise = new byte[size];
    new Random(7).nextBytes(noise);
    return noise;
  }
}
