package dev.passages.search;

import static org.assertj.core.api.Assertions.assertThat;

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
}
