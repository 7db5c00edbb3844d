package dev.passages.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.passages.search.Hit;
import dev.passages.search.MatchNote;
import dev.passages.search.Matched;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hits' texts and titles, written from what an earlier answer wrote, read as Jackson writes them.
 */
class KeptTextJsonTest {

  /** Jackson as configured, without the kept texts. */
  private static final ObjectMapper AFRESH =
      new ObjectMapper().enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING);

  private static final List<String> TEXTS =
      List.of(
          "",
          "Plain words.",
          "Quotes \" and \\ backslashes, a tab\tand a new line\n, a bell \u0007 and \u0000.",
          "Curly ’quotes’, “doubles”, dashes – and é, ü, ж, 中文.",
          "An emoji 😀 and a lone surrogate \uD83D here.",
          "</script><script>alert('x')</script> & <b>",
          "Long " + "and longer ".repeat(250));

  @Test
  void aKeptTextIsWrittenAsJacksonWritesItTheFirstTimeAndAfter() throws JsonProcessingException {
    assertThat(TEXTS.getLast()).hasSizeGreaterThan(KeptTextJson.KEPT_UP_TO_CHARS);
    for (String text : TEXTS) {
      Hit hit = hit(text, "Title: " + text);
      String expected = AFRESH.writeValueAsString(hit);
      for (int time = 0; time < 2; time++) {
        assertThat(new String(Json.mapper().writeValueAsBytes(hit), StandardCharsets.UTF_8))
            .as("bytes, time %d, of %s", time, text)
            .isEqualTo(new String(AFRESH.writeValueAsBytes(hit), StandardCharsets.UTF_8));
        assertThat(Json.mapper().writeValueAsString(hit)).isEqualTo(expected);
        assertThat(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(hit))
            .isEqualTo(AFRESH.writerWithDefaultPrettyPrinter().writeValueAsString(hit));
      }
    }
  }

  @Test
  void aHitWithoutTitleHasANullTitle() throws JsonProcessingException {
    Hit hit = hit("Some text.", null);
    assertThat(Json.mapper().writeValueAsString(hit))
        .contains("\"title\":null")
        .isEqualTo(AFRESH.writeValueAsString(hit));
  }

  private static Hit hit(String text, String title) {
    return new Hit(
        "article#p1",
        "article",
        title,
        "article",
        "paragraph",
        1,
        null,
        1.5f,
        Matched.ALL,
        text,
        "<mark>" + text + "</mark>",
        List.of(new int[] {0, 4}),
        List.of(new MatchNote("word", "word", "exact")));
  }
}
