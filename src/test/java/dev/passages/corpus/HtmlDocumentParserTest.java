package dev.passages.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class HtmlDocumentParserTest {

  /** An op-ed page as a news site serves it: the article amid the site's furniture. */
  private static final String OP_ED =
      """
      <!DOCTYPE html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title> Opinion: Kazakhstan's uranium is Moscow's leverage </title>
        <meta name="author" content="Jane Doe">
        <link rel="stylesheet" href="/site.css">
        <link rel="canonical" href="https://example.com/opinion/uranium">
        <style>p { color: red }</style>
        <script>var tracking = "script text";</script>
      </head>
      <body>
        <header class="site"><a href="/">The Daily Example</a> Subscribe today</header>
        <nav><a href="/world">World</a> | <a href="/opinion">Opinion</a></nav>
        <aside class="trending">
          <h2>Trending</h2>
          <p><time datetime="2021-12-01">1 Dec</time> Another story</p>
        </aside>
        <main>
          <article>
            <header>
              <p class="byline">By Jane Doe, <time datetime="2022-01-12T09:00:00Z">12 Jan</time></p>
            </header>
            <h1>Opinion: Kazakhstan's uranium is Moscow's leverage</h1>
            <p>Kazakhstan supplies <strong>40%</strong> of the world's
               uranium, says <a href="https://world-nuclear.org">the World Nuclear Association</a>.</p>
            <h2>What is at stake</h2>
            <ul>
              <li>Mines run by <em>Kazatomprom</em></li>
              <li>Exports to:
                <ol>
                  <li>China</li>
                  <li>Russia</li>
                </ol>
              </li>
            </ul>
            <blockquote><p>Sanctions never stopped the trade.</p><p>Nor will they.</p></blockquote>
            <blockquote>A quote without paragraphs.</blockquote>
            <form action="/subscribe"><label>Your email</label><input name="email"></form>
            <script>document.write("written by script")</script>
            <noscript>Enable JavaScript to comment.</noscript>
            <iframe src="https://ads.example.com"></iframe>
            <svg><title>Share icon</title><text>Share</text></svg>
            <h2>What comes next</h2>
            <p>The end.</p>
          </article>
        </main>
        <aside>Most read</aside>
        <footer><p>© 2022 The Daily Example</p></footer>
      </body>
      </html>
      """;

  @Test
  void anOpEdPageIsItsArticleWithoutTheSiteAroundIt() {
    SourceDocument doc = parse("commentary/op-ed", OP_ED);

    assertThat(passages(doc))
        .containsExactly(
            p("commentary/op-ed#title", null, "Opinion: Kazakhstan's uranium is Moscow's leverage"),
            p(
                "commentary/op-ed#p1",
                null,
                "Kazakhstan supplies 40% of the world's uranium, says the World Nuclear"
                    + " Association."),
            p("commentary/op-ed#h1", null, "What is at stake"),
            p("commentary/op-ed#p2", "What is at stake", "Mines run by Kazatomprom"),
            p("commentary/op-ed#p3", "What is at stake", "Exports to:"),
            p("commentary/op-ed#p4", "What is at stake", "China"),
            p("commentary/op-ed#p5", "What is at stake", "Russia"),
            p("commentary/op-ed#p6", "What is at stake", "Sanctions never stopped the trade."),
            p("commentary/op-ed#p7", "What is at stake", "Nor will they."),
            p("commentary/op-ed#p8", "What is at stake", "A quote without paragraphs."),
            p("commentary/op-ed#h2", null, "What comes next"),
            p("commentary/op-ed#p9", "What comes next", "The end."));
    assertThat(doc.source()).isEqualTo(Source.COMMENTARY);
  }

  @Test
  void theHeadGivesTheMetadataAndTheArticleItsDate() {
    SourceDocument doc = parse("commentary/op-ed", OP_ED);

    assertThat(doc.metadata())
        .isEqualTo(
            new Metadata(
                "Opinion: Kazakhstan's uranium is Moscow's leverage",
                "Jane Doe",
                "2022-01-12T09:00:00Z",
                "https://example.com/opinion/uranium",
                null));
  }

  @Test
  void aTimeWithoutDatetimeGivesItsText() {
    SourceDocument doc = parse("d", "<p>Filed <time> 12 January 2022 </time> in Almaty.</p>");

    assertThat(doc.metadata().date()).isEqualTo("12 January 2022");
    assertThat(doc.metadata().title()).as("no <title>, none declared").isNull();
  }

  @Test
  void mainIsTheContentEvenAfterAnArticle() {
    SourceDocument doc =
        parse(
            "d",
            """
            <title>T</title>
            <article><p>A teaser for another piece.</p></article>
            <main><p>The content.</p></main>
            """);

    assertThat(doc.passages()).extracting(Passage::text).containsExactly("T", "The content.");
  }

  @Test
  void withoutMainTheFirstArticleIsTheContent() {
    SourceDocument doc =
        parse(
            "d",
            """
            <title>T</title>
            <div class="promo"><p>Subscribe for more.</p></div>
            <article><p>The content.</p></article>
            <article><p>The next piece.</p></article>
            """);

    assertThat(doc.passages()).extracting(Passage::text).containsExactly("T", "The content.");
  }

  @Test
  void withoutMainOrArticleTheBodyIsTheContent() {
    SourceDocument doc = parse("d", "<title>T</title><p>One.</p><div><p>Two.</p></div>");

    assertThat(doc.passages()).extracting(Passage::text).containsExactly("T", "One.", "Two.");
  }

  @Test
  void withoutATitleElementTheFirstH1IsTheTitleAndNotAlsoAHeading() {
    SourceDocument doc =
        parse(
            "d",
            """
            <article>
              <header><h1>Putin's   big miscalculation</h1></header>
              <p>Text.</p>
              <h1>A second h1</h1>
              <p>More.</p>
            </article>
            """);

    assertThat(passages(doc))
        .containsExactly(
            p("d#title", null, "Putin's big miscalculation"),
            p("d#p1", null, "Text."),
            p("d#h1", null, "A second h1"),
            p("d#p2", "A second h1", "More."));
  }

  @Test
  void anH1ThatDiffersFromTheTitleIsAHeading() {
    SourceDocument doc =
        parse("d", "<title>Uranium | The Daily Example</title><h1>Uranium</h1><p>Text.</p>");

    assertThat(passages(doc))
        .containsExactly(
            p("d#title", null, "Uranium | The Daily Example"),
            p("d#h1", null, "Uranium"),
            p("d#p1", "Uranium", "Text."));
  }

  @Test
  void withoutTitleOrH1TheFileNameIsTheTitle() {
    SourceDocument doc = parse("comments/reader-42", "<p>I agree.</p>");

    assertThat(doc.title()).isEqualTo("reader-42");
  }

  @Test
  void textOutsideAnyParagraphIsAParagraphPerRun() {
    SourceDocument doc =
        parse(
            "d",
            """
            <title>T</title>
            <div>Loose text with <b>bold</b> words,<br>a break
              <p>A paragraph.</p>
              and a tail.
            </div>
            <table><tr><td>A cell.</td></tr></table>
            <my-card><p>Inside a custom element.</p><p>Its second paragraph.</p></my-card>
            """);

    assertThat(doc.passages())
        .extracting(Passage::text)
        .containsExactly(
            "T",
            "Loose text with bold words, a break",
            "A paragraph.",
            "and a tail.",
            "A cell.",
            "Inside a custom element.",
            "Its second paragraph.");
  }

  @Test
  void aPageWithNothingToIndexIsNoDocument() {
    assertThat(HtmlDocumentParser.parse("d", Source.ARTICLE, "")).isEmpty();
    assertThat(HtmlDocumentParser.parse("d", Source.ARTICLE, "<nav>Home</nav><script>x</script>"))
        .isEmpty();
  }

  private static SourceDocument parse(String id, String html) {
    return HtmlDocumentParser.parse(id, Source.ofPath(id), html).orElseThrow();
  }

  private static List<Tuple> passages(SourceDocument doc) {
    return doc.passages().stream().map(p -> p(p.id(), p.section(), p.text())).toList();
  }

  /** A passage as the tests spell it: id, section, text. */
  private static Tuple p(String id, String section, String text) {
    return tuple(id, section, text);
  }

  @Test
  void aListNestedDeeperInsideAnItemStillGivesItsItems() {
    SourceDocument doc =
        parse(
            "d",
            "<title>T</title><ul><li>Exports<div><ol><li>China</li><li>Russia</li></ol></div></li>"
                + "<li>Imports</li></ul>");
    assertThat(doc.passages())
        .extracting(Passage::id, Passage::text)
        .containsExactly(
            Tuple.tuple("d#title", "T"),
            Tuple.tuple("d#p1", "Exports"),
            Tuple.tuple("d#p2", "China"),
            Tuple.tuple("d#p3", "Russia"),
            Tuple.tuple("d#p4", "Imports"));
  }
}
