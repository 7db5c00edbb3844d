package dev.passages.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrontMatterTest {

  @Test
  void anAboutLongerThanAnyIdIsNotStated() {
    String longest = "a".repeat(Metadata.MAX_ABOUT_CHARS);
    assertThat(new Metadata(null, null, null, null, longest).about()).isEqualTo(longest);
    assertThat(new Metadata(null, null, null, null, longest + "a").about()).isNull();
  }

  @Test
  void theKnownKeysAreReadWhateverTheirCase() {
    FrontMatter front =
        FrontMatter.split(
            """
            ---
            Title: Kazakhstan's uranium
            AUTHOR: Jane Doe
            date: 2022-01-12
            Url: https://example.com/op-ed?id=7
            about: article#p5
            ---
            The body.
            """);

    assertThat(front.metadata())
        .isEqualTo(
            new Metadata(
                "Kazakhstan's uranium",
                "Jane Doe",
                "2022-01-12",
                "https://example.com/op-ed?id=7",
                "article#p5"));
    assertThat(front.body()).isEqualTo("The body.\n");
  }

  @Test
  void quotesAroundAValueAreNotPartOfIt() {
    FrontMatter front =
        FrontMatter.split(
            """
            ---
            title: "Putin: a domino too big to fall"
            author: 'Jane "JD" Doe'
            date: "2022-01-12'
            ---
            """);

    assertThat(front.metadata().title()).isEqualTo("Putin: a domino too big to fall");
    assertThat(front.metadata().author()).isEqualTo("Jane \"JD\" Doe");
    assertThat(front.metadata().date()).as("unmatched quotes stay").isEqualTo("\"2022-01-12'");
  }

  @Test
  void unknownKeysCommentsListsAndBlankValuesAreNotRead() {
    FrontMatter front =
        FrontMatter.split(
            """
            ---
            # written by hand
            layout: post
            tags:
              - uranium
              - kazakhstan
            author:

            title: Uranium
            ---
            Body.
            """);

    assertThat(front.metadata()).isEqualTo(new Metadata("Uranium", null, null, null, null));
    assertThat(front.body()).isEqualTo("Body.\n");
  }

  @Test
  void withoutAClosingLineThereIsNoFrontMatter() {
    String text = "---\ntitle: Uranium\nThe body, which never closed the block.\n";

    FrontMatter front = FrontMatter.split(text);

    assertThat(front.metadata()).isEqualTo(Metadata.NONE);
    assertThat(front.body()).isEqualTo(text);
  }

  @Test
  void aTextThatDoesNotOpenWithTheLineIsAllBody() {
    String text = "Uranium\n---\ntitle: Not front matter\n---\n";

    assertThat(FrontMatter.split(text)).isEqualTo(new FrontMatter(Metadata.NONE, text));
  }

  @Test
  void linesThatAreNotKeysAndValuesMakeItAThematicBreakNotFrontMatter() {
    String text = "---\nA paragraph between two rules.\n---\n";

    assertThat(FrontMatter.split(text)).isEqualTo(new FrontMatter(Metadata.NONE, text));
  }

  @Test
  void aByteOrderMarkMayPrecedeTheBlockAndIsNotPartOfTheBody() {
    assertThat(FrontMatter.split("\uFEFF---\ntitle: Uranium\n---\nBody."))
        .isEqualTo(new FrontMatter(new Metadata("Uranium", null, null, null, null), "Body."));
    assertThat(FrontMatter.split("\uFEFFBody.")).isEqualTo(new FrontMatter(Metadata.NONE, "Body."));
  }

  @Test
  void windowsLineEndsWork() {
    FrontMatter front = FrontMatter.split("---\r\ntitle: Uranium\r\n---\r\nBody.\r\n");

    assertThat(front.metadata().title()).isEqualTo("Uranium");
    assertThat(front.body()).isEqualTo("Body.\r\n");
  }

  @Test
  void aValueOfTwoQuotesIsEmptyAndSoNotStatedWhileALoneQuoteIsTheValue() {
    assertThat(FrontMatter.split("---\ntitle: \"\"\nauthor: ''\n---\nBody.").metadata())
        .isEqualTo(Metadata.NONE);
    assertThat(FrontMatter.split("---\ntitle: \"\n---\nBody.").metadata().title()).isEqualTo("\"");
  }

  @Test
  void aLineStartingWithAColonHasNoKeySoTheBlockIsNotFrontMatter() {
    String text = "---\n: value\n---\nBody.";
    assertThat(FrontMatter.split(text)).isEqualTo(new FrontMatter(Metadata.NONE, text));
  }
}
