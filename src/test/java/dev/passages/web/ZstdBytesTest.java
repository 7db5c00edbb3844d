package dev.passages.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZstdBytesTest {

  private final ZstdBytes zstd = new ZstdBytes();

  @BeforeAll
  static void theLibraryLoadsOnThisMachine() {
    // The jar carries it for Linux on x86-64 and ARM64, where the suite runs.
    assertThat(ZstdBytes.available()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 1_400, 200_000})
  void whatIsCompressedDecompressesToTheSameBytesTextOrNoiseWithACompressorUsedAgain(int size)
      throws IOException {
    byte[] text = Samples.text(size);
    byte[] noise = Samples.noise(size);
    for (byte[] plain : new byte[][] {text, noise, noise, text}) {
      byte[] compressed = zstd.compress(plain);
      assertThat(decompress(compressed)).isEqualTo(plain);
      if (plain == text && size >= 1_400) {
        assertThat(compressed.length).isLessThan(size / 10);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "0, 3", "1, 1", "60, 4_900", "140_000, 10"})
  void threePartsSplicedAsFramesDecompressAsOne(int headSize, int tailSize) throws IOException {
    Random random = new Random(headSize * 31L + tailSize);
    byte[] head = new byte[headSize];
    byte[] tail = new byte[tailSize];
    random.nextBytes(head);
    random.nextBytes(tail);
    for (String middle : new String[] {"", "0.0", "12.34", "x".repeat(70_000)}) {
      byte[] number = middle.getBytes(StandardCharsets.US_ASCII);
      byte[] spliced = zstd.splice(zstd.compress(head), number, zstd.compress(tail));
      byte[] whole = new byte[head.length + number.length + tail.length];
      System.arraycopy(head, 0, whole, 0, head.length);
      System.arraycopy(number, 0, whole, head.length, number.length);
      System.arraycopy(tail, 0, whole, head.length + number.length, tail.length);
      assertThat(decompress(spliced)).isEqualTo(whole);
    }
  }

  /** Every frame of {@code compressed}, decompressed in turn. */
  static byte[] decompress(byte[] compressed) throws IOException {
    try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    }
  }
}
