package dev.passages.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class MarkdownDocumentParserTest {

  @Test
  void frontMatterGivesTheTitleAndTheMetadata() {
    SourceDocument doc =
        parse(
            """
            ---
            title: "Uranium: the domino's fuel"
            author: Jane Doe
            date: 2022-01-12
            url: https://example.com/uranium
            about: article#p5
            ---
            # Kazakhstan

            Text.
            """);

    assertThat(doc.title()).isEqualTo("Uranium: the domino's fuel");
    assertThat(doc.metadata())
        .isEqualTo(
            new Metadata(
                "Uranium: the domino's fuel",
                "Jane Doe",
                "2022-01-12",
                "https://example.com/uranium",
                "article#p5"));
    assertThat(passages(doc))
        .as("with a title from the front matter, the opening heading is a heading")
        .containsExactly(
            p("commentary/op-ed#title", null, "Uranium: the domino's fuel"),
            p("commentary/op-ed#h1", null, "Kazakhstan"),
            p("commentary/op-ed#p1", "Kazakhstan", "Text."));
  }

  @Test
  void aHeadingThatOpensTheDocumentIsTheTitleAndNotAlsoAHeading() {
    SourceDocument doc = parse("<!-- draft -->\n\n# Putin's *big* miscalculation\n\nText.\n");

    assertThat(doc.title()).isEqualTo("Putin's big miscalculation");
    assertThat(doc.metadata()).isEqualTo(Metadata.NONE);
    assertThat(passages(doc))
        .containsExactly(
            p("commentary/op-ed#title", null, "Putin's big miscalculation"),
            p("commentary/op-ed#p1", null, "Text."));
  }

  @Test
  void withoutFrontMatterOrAnOpeningHeadingTheFileNameIsTheTitle() {
    SourceDocument doc = parse("An opening paragraph.\n\n# Later\n\nText.\n");

    assertThat(doc.title()).isEqualTo("op-ed");
    assertThat(passages(doc))
        .containsExactly(
            p("commentary/op-ed#title", null, "op-ed"),
            p("commentary/op-ed#p1", null, "An opening paragraph."),
            p("commentary/op-ed#h1", null, "Later"),
            p("commentary/op-ed#p2", "Later", "Text."));
  }

  @Test
  void headingsOfEveryLevelAndStyleSetTheSection() {
    SourceDocument doc =
        parse(
            """
            # Title

            Before any section.

            ## What is at stake

            Mines.

            Exports
            -------

            ### China first

            Pipelines.
            """);

    assertThat(passages(doc))
        .containsExactly(
            p("commentary/op-ed#title", null, "Title"),
            p("commentary/op-ed#p1", null, "Before any section."),
            p("commentary/op-ed#h1", null, "What is at stake"),
            p("commentary/op-ed#p2", "What is at stake", "Mines."),
            p("commentary/op-ed#h2", null, "Exports"),
            p("commentary/op-ed#h3", null, "China first"),
            p("commentary/op-ed#p3", "China first", "Pipelines."));
  }

  @Test
  void eachListItemIsAPassageAndNestedItemsFollowTheirParent() {
    SourceDocument doc =
        parse(
            """
            # Exports

            - Uranium
            - Oil, shipped to:
              1. China
              2. Russia
                 - by rail
            - Grain

              across the Caspian
            """);

    assertThat(doc.passages())
        .extracting(Passage::text)
        .containsExactly(
            "Exports",
            "Uranium",
            "Oil, shipped to:",
            "China",
            "Russia",
            "by rail",
            "Grain across the Caspian");
    assertThat(doc.passages()).extracting(Passage::id).last().isEqualTo("commentary/op-ed#p6");
  }

  @Test
  void eachParagraphOfABlockQuoteIsAPassage() {
    SourceDocument doc =
        parse(
            """
            # Title

            > Sanctions never stopped the trade.
            >
            > Nor will they,
            > said the minister.

            After the quote.
            """);

    assertThat(passages(doc))
        .containsExactly(
            p("commentary/op-ed#title", null, "Title"),
            p("commentary/op-ed#p1", null, "Sanctions never stopped the trade."),
            p("commentary/op-ed#p2", null, "Nor will they, said the minister."),
            p("commentary/op-ed#p3", null, "After the quote."));
  }

  @Test
  void inlineMarkupIsFlattenedToItsWords() {
    SourceDocument doc =
        parse(
            """
            # Title

            Kazakhstan supplies **40%** of the _world's_ uranium, says
            [the World Nuclear Association](https://world-nuclear.org "WNA");
            see ![a map of the mines](map.png), `Kazatomprom`  and <span>its</span> [partners][p].\\
            A second line<br>after a break.

            [p]: https://example.com/partners
            """);

    assertThat(doc.passages().get(1).text())
        .isEqualTo(
            "Kazakhstan supplies 40% of the world's uranium, says the World Nuclear"
                + " Association; see a map of the mines, Kazatomprom and its partners."
                + " A second line after a break.");
    assertThat(doc.passages()).hasSize(2);
  }

  @Test
  void codeBlocksHtmlBlocksAndRulesAreLeftOut() {
    SourceDocument doc =
        parse(
            """
            # Title

            Prose.

            ```java
            String code = "not prose";
            ```

                indented code, not prose either

            <div class="ad">
            Buy now
            </div>

            ***

            More prose.
            """);

    assertThat(doc.passages())
        .extracting(Passage::text)
        .containsExactly("Title", "Prose.", "More prose.");
  }

  @Test
  void aFileWithNothingToIndexIsNoDocument() {
    assertThat(MarkdownDocumentParser.parse("d", Source.ARTICLE, "")).isEmpty();
    assertThat(MarkdownDocumentParser.parse("d", Source.ARTICLE, "```\ncode only\n```\n"))
        .isEmpty();
    assertThat(MarkdownDocumentParser.parse("d", Source.ARTICLE, "---\ntitle: Just a title\n---\n"))
        .get()
        .extracting(SourceDocument::title)
        .isEqualTo("Just a title");
  }

  private static SourceDocument parse(String markdown) {
    return MarkdownDocumentParser.parse("commentary/op-ed", Source.COMMENTARY, markdown)
        .orElseThrow();
  }

  private static List<Tuple> passages(SourceDocument doc) {
    return doc.passages().stream().map(p -> p(p.id(), p.section(), p.text())).toList();
  }

  /** A passage as the tests spell it: id, section, text. */
  private static Tuple p(String id, String section, String text) {
    return tuple(id, section, text);
  }

  @Test
  void noBreakSpacesAloneAreNoTextAndAtTheEndsOfAPassageAreNotPartOfIt() {
    // Editors and pages copied from the web use &nbsp; paragraphs as spacing.
    SourceDocument doc =
        parse(
            "# Title\n\nOne.\n\n&nbsp;\n\n## &nbsp;\n\n\u00A0\u202F\n\n&nbsp;Two 10&nbsp;km.&nbsp;\n");
    assertThat(passages(doc))
        .containsExactly(
            p("commentary/op-ed#title", null, "Title"),
            p("commentary/op-ed#p1", null, "One."),
            p("commentary/op-ed#p2", null, "Two 10\u00A0km."));
  }
}
