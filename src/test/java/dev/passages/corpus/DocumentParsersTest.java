package dev.passages.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentParsersTest {

  @Test
  void textMarkdownAndHtmlAreSupportedInAnyCase() {
    assertThat(List.of("txt", "md", "markdown", "html", "htm", "HTML", "Md"))
        .allMatch(DocumentParsers::supports);
    assertThat(List.of("pdf", "docx", "", "xhtml")).noneMatch(DocumentParsers::supports);
  }

  @Test
  void theExtensionPicksTheParser() {
    String text = "# Uranium\n\n<p>Text.</p>\n";

    assertThat(DocumentParsers.parse("d", Source.ARTICLE, "txt", text).orElseThrow().title())
        .isEqualTo("# Uranium");
    assertThat(DocumentParsers.parse("d", Source.ARTICLE, "md", text).orElseThrow().title())
        .isEqualTo("Uranium");
    assertThat(DocumentParsers.parse("d", Source.ARTICLE, "html", text).orElseThrow().title())
        .isEqualTo("d");
  }

  @Test
  void anUnsupportedExtensionIsRefusedByName() {
    assertThatThrownBy(() -> DocumentParsers.parse("d", Source.ARTICLE, "pdf", "%PDF"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no parser for .pdf files");
  }
}
