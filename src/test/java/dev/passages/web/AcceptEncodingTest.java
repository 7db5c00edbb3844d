package dev.passages.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "gzip, deflate, br, zstd|true",
        "ZSTD;q=0.5|true",
        "zstd;q=0, gzip|false",
        "*|false",
        "gzip|false",
        "x-zstd|false",
        "|false"
      })
  void zstdIsTakenOnlyWhenListedWithoutQZero(String acceptEncoding, boolean takes) {
    assertThat(AcceptEncoding.takes(acceptEncoding, "zstd", false)).isEqualTo(takes);
  }
}
