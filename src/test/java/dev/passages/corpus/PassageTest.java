package dev.passages.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names passages and sources go by in queries, JSON and the index. */
class PassageTest {

  @Test
  void onlyAParagraphHasAParagraphNumber() {
    assertThat(Passage.of("d", PassageKind.PARAGRAPH, 7, "S", "Text.").paragraph()).isEqualTo(7);
    assertThat(Passage.of("d", PassageKind.HEADING, 7, null, "S").paragraph()).isNull();
    assertThat(Passage.of("d", PassageKind.TITLE, 0, null, "T").paragraph()).isNull();
  }

  @Test
  void kindsAreNamedInLowerCase() {
    assertThat(PassageKind.values())
        .extracting(PassageKind::id)
        .containsExactly("title", "heading", "paragraph");
  }

  @Test
  void sourcesAreNamedInLowerCaseAndFoundByNameInAnyCase() {
    assertThat(Source.values())
        .extracting(Source::id)
        .containsExactly("article", "commentary", "comment");
    assertThat(Source.byId("Comment")).contains(Source.COMMENT);
    assertThat(Source.byId("COMMENTARY")).contains(Source.COMMENTARY);
    assertThat(Source.byId("article")).contains(Source.ARTICLE);
    assertThat(Source.byId("comments")).isEmpty();
  }
}
