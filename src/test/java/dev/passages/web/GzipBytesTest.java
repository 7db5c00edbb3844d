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
    byte[] text =
        "{\"text\":\"Kazakhstan, uranium, Tokayev\"}"
            .repeat(size / 38 + 1)
            .getBytes(StandardCharsets.UTF_8);
    byte[] noise = new byte[size]; // incompressible: the output outgrows its first buffer
    new Random(7).nextBytes(noise);
    for (byte[] plain : new byte[][] {java.util.Arrays.copyOf(text, size), noise, noise}) {
      byte[] gzipped = gzip.gzip(plain);
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
        assertThat(in.readAllBytes()).isEqualTo(plain);
      }
    }
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
