package dev.passages.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.corpus.Metadata;
import dev.passages.corpus.Passage;
import dev.passages.corpus.PassageKind;
import dev.passages.corpus.Source;
import dev.passages.corpus.SourceDocument;
import dev.passages.corpus.TextDocumentParser;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The content hash decides whether a sync rewrites a document: equal entries must give equal hashes
 * (or every sync rewrites everything), and any change to what is indexed must change it (or the
 * edit is never indexed).
 */
class ContentHashTest {

  private static final Metadata STATED =
      new Metadata(null, "Ann Author", "2022-01-12", "https://example.org/op", "article#p5");

  private static SourceDocument note(Metadata metadata, Passage... passages) {
    return new SourceDocument(
        "commentary/note", Source.COMMENTARY, "A note", List.of(passages), List.of(), metadata);
  }

  private static Passage paragraph(int number, String section, String text) {
    return Passage.of("commentary/note", PassageKind.PARAGRAPH, number, section, text);
  }

  private static final SourceDocument BASE =
      note(
          STATED,
          Passage.of("commentary/note", PassageKind.TITLE, 0, null, "A note"),
          paragraph(1, "Context", "First thought."),
          paragraph(2, "Context", "Second thought."));

  @Test
  void theSameContentGivesTheSameHashAHexSha256() {
    String text = "A note\nFirst thought.\nSecond thought.\n";
    SourceDocument once = TextDocumentParser.parse("note", Source.ARTICLE, text).orElseThrow();
    SourceDocument again = TextDocumentParser.parse("note", Source.ARTICLE, text).orElseThrow();
    assertThat(ContentHash.of(once)).isEqualTo(ContentHash.of(again)).matches("[0-9a-f]{64}");
    assertThat(ContentHash.of(BASE)).isEqualTo(ContentHash.of(BASE));
  }

  @Test
  void anyChangeToWhatIsIndexedChangesTheHash() {
    List<UnaryOperator<SourceDocument>> changes =
        List.of(
            d ->
                new SourceDocument(
                    "commentary/other",
                    d.source(),
                    d.title(),
                    d.passages(),
                    d.ignoredLines(),
                    d.metadata()),
            d ->
                new SourceDocument(
                    d.id(),
                    Source.COMMENT,
                    d.title(),
                    d.passages(),
                    d.ignoredLines(),
                    d.metadata()),
            d ->
                new SourceDocument(
                    d.id(),
                    d.source(),
                    "Another note",
                    d.passages(),
                    d.ignoredLines(),
                    d.metadata()),
            d ->
                withMetadata(
                    d,
                    new Metadata(
                        null, "Bo Author", "2022-01-12", "https://example.org/op", "article#p5")),
            d ->
                withMetadata(
                    d,
                    new Metadata(
                        null, "Ann Author", "2022-01-13", "https://example.org/op", "article#p5")),
            d ->
                withMetadata(
                    d,
                    new Metadata(
                        null, "Ann Author", "2022-01-12", "https://example.org/ed", "article#p5")),
            d ->
                withMetadata(
                    d,
                    new Metadata(
                        null, "Ann Author", "2022-01-12", "https://example.org/op", "article#p6")),
            d -> withMetadata(d, Metadata.NONE),
            d ->
                withPassages(
                    d,
                    d.passages().get(0),
                    paragraph(1, "Context", "First thought."),
                    paragraph(3, "Context", "Second thought.")),
            d ->
                withPassages(
                    d,
                    d.passages().get(0),
                    paragraph(1, "Context", "First thought."),
                    paragraph(2, "Aftermath", "Second thought.")),
            d ->
                withPassages(
                    d,
                    d.passages().get(0),
                    paragraph(1, "Context", "First thought."),
                    paragraph(2, null, "Second thought.")),
            d ->
                withPassages(
                    d,
                    d.passages().get(0),
                    paragraph(1, "Context", "First thought."),
                    paragraph(2, "Context", "Second thoughts.")),
            d -> withPassages(d, d.passages().get(0), paragraph(1, "Context", "First thought.")));
    String base = ContentHash.of(BASE);
    for (UnaryOperator<SourceDocument> change : changes) {
      SourceDocument changed = change.apply(BASE);
      assertThat(ContentHash.of(changed)).as("%s", changed).isNotEqualTo(base);
    }
  }

  @Test
  void anEmptySectionIsNotTakenForNone() {
    // The index stores an empty section and leaves out a missing one: two different entries.
    SourceDocument none = note(Metadata.NONE, paragraph(1, null, "A thought."));
    SourceDocument empty = note(Metadata.NONE, paragraph(1, "", "A thought."));
    assertThat(ContentHash.of(none)).isNotEqualTo(ContentHash.of(empty));
  }

  @Test
  void textMovedFromOnePassageToTheNextChangesTheHash() {
    SourceDocument before =
        note(Metadata.NONE, paragraph(1, null, "One two"), paragraph(2, null, "three."));
    SourceDocument after =
        note(Metadata.NONE, paragraph(1, null, "One"), paragraph(2, null, "two three."));
    assertThat(ContentHash.of(before)).isNotEqualTo(ContentHash.of(after));
  }

  private static SourceDocument withMetadata(SourceDocument d, Metadata metadata) {
    return new SourceDocument(
        d.id(), d.source(), d.title(), d.passages(), d.ignoredLines(), metadata);
  }

  private static SourceDocument withPassages(SourceDocument d, Passage... passages) {
    return new SourceDocument(
        d.id(), d.source(), d.title(), List.of(passages), d.ignoredLines(), d.metadata());
  }
}
