package dev.passages.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextDocumentParserTest {

  private final SourceDocument article =
      TextDocumentParser.parse("article", Source.ARTICLE, SeedCorpus.articleText()).orElseThrow();

  @Test
  void theFirstLineIsTheTitleAndItsOwnPassage() {
    assertThat(article.title())
        .isEqualTo("Opinion: For Putin, Kazakhstan is a domino too big to fall");
    Passage first = article.passages().getFirst();
    assertThat(first.id()).isEqualTo("article#title");
    assertThat(first.kind()).isEqualTo(PassageKind.TITLE);
    assertThat(first.text()).isEqualTo(article.title());
  }

  @Test
  void theSeedArticleHasThirteenParagraphsAndOneHeading() {
    assertThat(article.passages()).hasSize(15);
    assertThat(article.passages().stream().filter(p -> p.kind() == PassageKind.PARAGRAPH))
        .hasSize(13);
    assertThat(article.passages().stream().filter(p -> p.kind() == PassageKind.HEADING))
        .extracting(Passage::id, Passage::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("article#h1", "Putin's big miscalculation"));
  }

  @Test
  void paragraphIdsAreStableAndReadable() {
    assertThat(article.passages())
        .extracting(Passage::id)
        .containsExactly(
            "article#title",
            "article#p1",
            "article#p2",
            "article#p3",
            "article#p4",
            "article#p5",
            "article#p6",
            "article#h1",
            "article#p7",
            "article#p8",
            "article#p9",
            "article#p10",
            "article#p11",
            "article#p12",
            "article#p13");
    assertThat(passage("article#p7").text()).startsWith("True to form, tactics used");
  }

  @Test
  void paragraphsRecordTheSectionTheyStandUnder() {
    assertThat(passage("article#p6").section()).isNull();
    assertThat(passage("article#p7").section()).isEqualTo("Putin's big miscalculation");
    assertThat(passage("article#p13").section()).isEqualTo("Putin's big miscalculation");
  }

  @Test
  void trailingPageFurnitureIsNotContent() {
    assertThat(article.passages()).noneMatch(p -> p.text().contains("Give a Comment"));
    assertThat(article.ignoredLines()).containsExactly("Give a Comment");
    assertThat(passage("article#p13").text()).endsWith("fill any business vacuum.");
  }

  @Test
  void shortLinesWithClosingPunctuationAreParagraphs() {
    SourceDocument doc =
        parse("Title\nYes.\nA heading\nThe end of it all, said with a full stop.\n");
    assertThat(doc.passages())
        .extracting(Passage::id)
        .containsExactly("d#title", "d#p1", "d#h1", "d#p2");
  }

  @Test
  void aHeadingThatNoParagraphFollowsIsFurniture() {
    SourceDocument doc = parse("Title\nA paragraph that ends.\nShare this\nRelated articles\n");
    assertThat(doc.passages()).extracting(Passage::id).containsExactly("d#title", "d#p1");
    assertThat(doc.ignoredLines()).containsExactly("Share this", "Related articles");
  }

  @Test
  void aTextOfShortLinesOnlyKeepsThemAsParagraphs() {
    SourceDocument doc = parse("Re: uranium\nI agree\n");
    assertThat(doc.passages())
        .extracting(Passage::id, Passage::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("d#title", "Re: uranium"),
            org.assertj.core.groups.Tuple.tuple("d#p1", "I agree"));
    assertThat(doc.ignoredLines()).isEmpty();
  }

  @Test
  void lineEndsOfEveryKindSplitParagraphs() {
    SourceDocument doc = parse("Title\r\nOne paragraph.\rAnother paragraph.\n\n\nA third one.");
    assertThat(doc.passages())
        .extracting(Passage::text)
        .containsExactly("Title", "One paragraph.", "Another paragraph.", "A third one.");
  }

  @Test
  void aBlankTextIsNoDocument() {
    assertThat(TextDocumentParser.parse("d", Source.ARTICLE, " \n\t\n")).isEmpty();
  }

  @Test
  void headingsAreShortAndEndWithoutSentencePunctuation() {
    assertThat(List.of("Putin's big miscalculation", "What comes next", "Part 2"))
        .allMatch(TextDocumentParser::isShortUnpunctuated);
    assertThat(List.of("It ended.", "Why?", "He said \"no.\"", "x ".repeat(41)))
        .noneMatch(TextDocumentParser::isShortUnpunctuated);
  }

  @Test
  void aFrontMatterTitleIsTheTitleAndEveryLineOfTheBodyIsContent() {
    SourceDocument doc =
        parse(
            """
            ---
            title: "Uranium: the case for it"
            author: 'Jane Doe'
            about: article#p5
            ---
            Why it matters
            Kazakhstan mines more uranium than any other country.
            Give a Comment
            """);

    assertThat(doc.title()).isEqualTo("Uranium: the case for it");
    assertThat(doc.passages())
        .extracting(Passage::id, Passage::section, Passage::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("d#title", null, "Uranium: the case for it"),
            org.assertj.core.groups.Tuple.tuple("d#h1", null, "Why it matters"),
            org.assertj.core.groups.Tuple.tuple(
                "d#p1", "Why it matters", "Kazakhstan mines more uranium than any other country."));
    assertThat(doc.ignoredLines()).containsExactly("Give a Comment");
    assertThat(doc.metadata())
        .isEqualTo(new Metadata("Uranium: the case for it", "Jane Doe", null, null, "article#p5"));
  }

  @Test
  void frontMatterWithoutATitleLeavesTheFirstLineTheTitle() {
    SourceDocument doc = parse("---\nauthor: Jane Doe\n---\nRe: uranium\nI agree.\n");

    assertThat(doc.passages())
        .extracting(Passage::id, Passage::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("d#title", "Re: uranium"),
            org.assertj.core.groups.Tuple.tuple("d#p1", "I agree."));
    assertThat(doc.metadata()).isEqualTo(new Metadata(null, "Jane Doe", null, null, null));
  }

  @Test
  void aTextWithoutFrontMatterStatesNothingAboutItself() {
    assertThat(article.metadata()).isEqualTo(Metadata.NONE);
  }

  private Passage passage(String id) {
    return article.passages().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  private static SourceDocument parse(String text) {
    return TextDocumentParser.parse("d", Source.ARTICLE, text).orElseThrow();
  }

  @Test
  void limitsCountCharactersNotUtf16Units() {
    // 300 characters outside the Basic Multilingual Plane: 600 UTF-16 units, still a title.
    String title = "\uD840\uDC00".repeat(TextDocumentParser.MAX_TITLE_CHARS);
    assertThat(parse(title + "\nBody.\n").passages())
        .extracting(Passage::text)
        .containsExactly(title, "Body.");
    // A last line of 80 such characters, unpunctuated: furniture, as 80 letters would be.
    String furniture = "\uD83D\uDE00".repeat(TextDocumentParser.SHORT_LINE_CHARS);
    assertThat(parse("Title\nBody.\n" + furniture + "\n").passages())
        .extracting(Passage::text)
        .containsExactly("Title", "Body.");
  }

  @Test
  void aFirstLineOf300CharactersIsTheTitleAndOneOf301IsTextUnderTheFileName() {
    String title = "t".repeat(TextDocumentParser.MAX_TITLE_CHARS);
    assertThat(parse(title + "\nBody.\n").passages())
        .extracting(Passage::id, Passage::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("d#title", title),
            org.assertj.core.groups.Tuple.tuple("d#p1", "Body."));

    String tooLong = title + "t";
    SourceDocument doc =
        TextDocumentParser.parse("commentary/op-ed", Source.COMMENTARY, tooLong + "\nBody.\n")
            .orElseThrow();
    assertThat(doc.title()).isEqualTo("op-ed");
    assertThat(doc.passages())
        .extracting(Passage::id, Passage::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("commentary/op-ed#title", "op-ed"),
            org.assertj.core.groups.Tuple.tuple("commentary/op-ed#p1", tooLong),
            org.assertj.core.groups.Tuple.tuple("commentary/op-ed#p2", "Body."));
  }

  @Test
  void aHeadingMayHave80CharactersAnd12WordsButNoMore() {
    String longest = "h".repeat(TextDocumentParser.SHORT_LINE_CHARS);
    String mostWords = "one two three four five six seven eight nine ten eleven twelve";
    assertThat(parse("Title\n" + longest + "\nBody.\n").passages())
        .extracting(Passage::id)
        .containsExactly("d#title", "d#h1", "d#p1");
    assertThat(parse("Title\n" + longest + "h\nBody.\n").passages())
        .extracting(Passage::id)
        .containsExactly("d#title", "d#p1", "d#p2");
    assertThat(parse("Title\n" + mostWords + "\nBody.\n").passages())
        .extracting(Passage::id)
        .containsExactly("d#title", "d#h1", "d#p1");
    assertThat(parse("Title\n" + mostWords + " thirteen\nBody.\n").passages())
        .extracting(Passage::id)
        .containsExactly("d#title", "d#p1", "d#p2");
  }

  @Test
  void aLineOfClosingQuotesAndBracketsOnlyIsAParagraphNotAHeadingOrFurniture() {
    SourceDocument doc = parse("Title\n)\nBody.\n\u201D\n");
    assertThat(doc.passages())
        .extracting(Passage::id, Passage::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("d#title", "Title"),
            org.assertj.core.groups.Tuple.tuple("d#p1", ")"),
            org.assertj.core.groups.Tuple.tuple("d#p2", "Body."),
            org.assertj.core.groups.Tuple.tuple("d#p3", "\u201D"));
    assertThat(doc.ignoredLines()).isEmpty();
  }

  @Test
  void aLineOfExactlyTheLongestPassageIsOneParagraphAndOneMoreCharacterIsTwo() {
    String longest = "x".repeat(LongParagraphs.MAX_CHARS);
    assertThat(parse("Title\n" + longest + "\n").passages())
        .extracting(Passage::id, Passage::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("d#title", "Title"),
            org.assertj.core.groups.Tuple.tuple("d#p1", longest));
    assertThat(parse("Title\n" + longest + "y\n").passages())
        .extracting(Passage::id, Passage::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("d#title", "Title"),
            org.assertj.core.groups.Tuple.tuple("d#p1", longest),
            org.assertj.core.groups.Tuple.tuple("d#p2", "y"));
  }

  @Test
  void aLineOfNoBreakSpacesIsNoLineNeitherAHeadingNorFurniture() {
    // Text copied from web pages keeps &nbsp; lines as U+00A0, which String.strip leaves alone.
    SourceDocument doc =
        parse("Title\nOne.\n\u00A0\u00A0\nTwo.\n\t\u00A0Three\u2007km.\u202F\t\n\u00A0\n");
    assertThat(doc.passages())
        .extracting(Passage::id, Passage::section, Passage::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("d#title", null, "Title"),
            org.assertj.core.groups.Tuple.tuple("d#p1", null, "One."),
            org.assertj.core.groups.Tuple.tuple("d#p2", null, "Two."),
            org.assertj.core.groups.Tuple.tuple("d#p3", null, "Three\u2007km."));
    assertThat(doc.ignoredLines()).isEmpty();
  }
}
