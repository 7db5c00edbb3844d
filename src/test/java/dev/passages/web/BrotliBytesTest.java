package dev.passages.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrotliBytesTest {

  @BeforeAll
  static void theLibraryLoadsOnThisMachine() {
    // The jar carries it for Linux on x86-64 and ARM64, where the suite runs.
    assertThat(BrotliBytes.available()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 1_400, 70_000, 200_000})
  void whatIsCompressedDecompressesToTheSameBytesTextOrNoise(int size) throws IOException {
    byte[] text = Samples.text(size);
    byte[] noise = Samples.noise(size);
    for (byte[] plain : new byte[][] {text, noise, text}) {
      byte[] compressed = BrotliBytes.compress(plain);
      assertThat(decompress(compressed)).isEqualTo(plain);
      if (plain == text && size >= 1_400) {
        assertThat(compressed.length).isLessThan(size / 10);
      }
    }
  }

  /** {@code compressed} decoded, as a browser does. */
  static byte[] decompress(byte[] compressed) throws IOException {
    try (InputStream in = new BrotliInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    }
  }
}
