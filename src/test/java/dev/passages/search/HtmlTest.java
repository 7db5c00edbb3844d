package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The escaping of passage text into a highlight. */
class HtmlTest {

  @Test
  void everyCharacterThatCouldStartMarkupOrEndAnAttributeIsEscaped() {
    assertThat(Html.escape("a<b>&\"c'/d")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#x27;&#x2F;d");
  }

  @Test
  void plainTextIsLeftAsItIs() {
    assertThat(Html.escape("x")).isEqualTo("x");
    assertThat(Html.escape("")).isEmpty();
    assertThat(Html.escape("Putin’s “West” — 5 € ü")).isEqualTo("Putin’s “West” — 5 € ü");
  }

  @Test
  void aRangeIsAppendedEscapedAndNothingElse() {
    StringBuilder out = new StringBuilder("<mark>");
    Html.escape("oil & gas", 2, 7, out);
    assertThat(out).hasToString("<mark>l &amp; g");
  }

  @Test
  void everyRangeOfAKeptTextIsEscapedAsTheRangeAlone() {
    // Kept texts are escaped once and ranges copied from the whole: every range of texts with
    // escapes at the start, the end, side by side and of every length must come out as the range
    // escaped on its own, by a reference escaper written out here. The texts that are mostly
    // escapes are not kept, and escaped a range at a time instead; the rest are.
    for (String text :
        List.of(
            "oil & gas",
            "<b>\"x\"</b>",
            "a/b'c&&d<<e>>f",
            "&Putin’s “West” & 'East' — 5 € <x/>",
            "Putin's rhetoric & the West's 'colour revolution' fears, 2022/23: a domino",
            "no escapes at all, only words",
            "x")) {
      for (int start = 0; start <= text.length(); start++) {
        for (int end = start; end <= text.length(); end++) {
          StringBuilder out = new StringBuilder("[");
          Html.escape(text, start, end, out);
          assertThat(out).hasToString("[" + reference(text.substring(start, end)));
        }
      }
      assertThat(Html.escape(text)).isEqualTo(reference(text));
    }
  }

  @Test
  void aTextTooLongToKeepIsEscapedAllTheSame() {
    String text = "a<b & c/d ".repeat(Html.KEPT_UP_TO_CHARS / 10 + 1);
    assertThat(text.length()).isGreaterThan(Html.KEPT_UP_TO_CHARS);
    assertThat(Html.escape(text)).isEqualTo(reference(text));
    StringBuilder out = new StringBuilder();
    Html.escape(text, 3, text.length() - 2, out);
    assertThat(out).hasToString(reference(text.substring(3, text.length() - 2)));
  }

  @Test
  void aStringBuilderIsEscapedAsItsText() {
    assertThat(Html.escape(new StringBuilder("a<b"))).isEqualTo("a&lt;b");
  }

  /** What each character that needs it becomes, as OWASP's rules for text in HTML have it. */
  private static final Map<Character, String> ENTITIES =
      Map.of('&', "&amp;", '<', "&lt;", '>', "&gt;", '"', "&quot;", '\'', "&#x27;", '/', "&#x2F;");

  /** {@code text} escaped a character at a time, from the table above. */
  private static String reference(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(ENTITIES.getOrDefault(c, String.valueOf(c)));
    }
    return out.toString();
  }
}
