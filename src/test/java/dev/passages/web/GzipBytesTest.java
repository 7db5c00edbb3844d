package dev.passages.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GzipBytesTest {

  private final GzipBytes gzip = new GzipBytes(Deflater.BEST_SPEED);

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 1_400, 70_000})
  void whatIsGzippedGunzipsToTheSameBytesTextOrNoiseWithACompressorUsedAgain(int size)
      throws IOException {
    byte[] noise = Samples.noise(size); // incompressible: the output outgrows its first buffer
    for (byte[] plain : new byte[][] {Samples.text(size), noise, noise}) {
      byte[] gzipped = gzip.gzip(plain);
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
        assertThat(in.readAllBytes()).isEqualTo(plain);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "0, 3", "1, 1", "60, 4_900", "70_000, 90_000", "140_000, 10"})
  void threePartsSplicedAroundAStoredBlockGunzipAsOne(int headSize, int tailSize)
      throws IOException {
    Random random = new Random(headSize * 31L + tailSize);
    for (boolean noise : new boolean[] {false, true}) {
      byte[] head = part(headSize, noise, random);
      byte[] tail = part(tailSize, noise, random);
      for (String middle : new String[] {"", "0.0", "12.34", "x".repeat(65_535)}) {
        byte[] number = middle.getBytes(StandardCharsets.US_ASCII);
        byte[] gzipped =
            GzipBytes.splice(head, gzip.deflateHead(head), number, tail, gzip.deflateTail(tail));
        byte[] whole = new byte[head.length + number.length + tail.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(number, 0, whole, head.length, number.length);
        System.arraycopy(tail, 0, whole, head.length + number.length, tail.length);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
          assertThat(in.readAllBytes()).isEqualTo(whole);
        }
      }
    }
  }

  /** Text that repeats (so the tail refers back within itself) or noise. */
  private static byte[] part(int size, boolean noise, Random random) {
    byte[] bytes = new byte[size];
    if (noise) {
      random.nextBytes(bytes);
    } else {
      byte[] text = "uranium, \"Tokayev\", Kazakhstan; ".getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < size; i++) {
        bytes[i] = text[(i + random.nextInt(2)) % text.length];
      }
    }
    return bytes;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "gzip|true",
        "gzip, deflate, br, zstd|true",
        "br;q=1.0, GZIP;q=0.5|true",
        "*|true",
        "identity|false",
        "gzip;q=0|false",
        "gzip; q=0.000, identity|false",
        "gzip;q=0.001|true",
        "x-gzip|false",
        "|false"
      })
  void gzipIsTakenWhenListedOrStarredWithoutQZero(String acceptEncoding, boolean takes) {
    assertThat(GzipBytes.acceptsGzip(acceptEncoding)).isEqualTo(takes);
  }
}
