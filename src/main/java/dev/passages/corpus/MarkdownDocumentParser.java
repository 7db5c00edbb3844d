package dev.passages.corpus;

import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Splits a Markdown (CommonMark) document into passages. An optional {@link FrontMatter} block
 * gives the metadata and may give the title; otherwise a heading that opens the document is the
 * title, and failing that the file name is.
 *
 * <p>Headings are heading passages and the section of what follows. Paragraphs, list items and the
 * paragraphs in block quotes are paragraph passages; a list item is its own text, and the items of
 * a list nested in it follow it as passages of their own. Passages are plain text: the text of
 * links, the alt text of images and inline code are kept, emphasis markers are not, and line breaks
 * become spaces. Code blocks and HTML blocks are not prose and are left out.
 */
public final class MarkdownDocumentParser {

  /** Immutable and thread-safe, so one serves every document. */
  private static final Parser PARSER = Parser.builder().build();

  private MarkdownDocumentParser() {}

  /**
   * The document {@code id} from Markdown {@code text}; empty when it has no text.
   *
   * @param id the document id, as in {@link SourceDocument#id()}
   */
  public static Optional<SourceDocument> parse(String id, Source source, String text) {
    FrontMatter front = FrontMatter.split(text);
    Node root = PARSER.parse(front.body());
    Node opening = firstBlock(root);
    String title = front.metadata().title();
    if (title == null && opening instanceof Heading heading) {
      title = plainText(heading);
      heading.unlink(); // the title is its own passage, not also a heading
    }
    DocumentBuilder document = new DocumentBuilder(id, source, title, front.metadata());
    children(root, document);
    return document.build();
  }

  /** The first block that is shown: HTML blocks (comments) and link definitions are not. */
  private static Node firstBlock(Node root) {
    Node node = root.getFirstChild();
    while (node instanceof HtmlBlock || node instanceof LinkReferenceDefinition) {
      node = node.getNext();
    }
    return node;
  }

  private static void children(Node parent, DocumentBuilder document) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      block(node, document);
    }
  }

  private static void block(Node node, DocumentBuilder document) {
    switch (node) {
      case Heading heading -> document.heading(plainText(heading));
      case Paragraph paragraph -> document.paragraph(plainText(paragraph));
      case ListItem item -> listItem(item, document);
      case ListBlock list -> children(list, document);
      case BlockQuote quote -> children(quote, document);
      // Code blocks, HTML blocks, thematic breaks, link reference definitions: not prose.
      default -> {}
    }
  }

  /** The item's paragraphs as one passage, then what is nested in it (lists, quotes) in order. */
  private static void listItem(ListItem item, DocumentBuilder document) {
    StringJoiner own = new StringJoiner(" ");
    for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Paragraph paragraph) {
        own.add(plainText(paragraph));
      }
    }
    document.paragraph(own.toString());
    for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
      if (!(child instanceof Paragraph)) {
        block(child, document);
      }
    }
  }

  private static String plainText(Node node) {
    PlainText text = new PlainText();
    node.accept(text);
    return DocumentBuilder.collapse(text.out.toString());
  }

  /**
   * The words of inline content: link text and image alt text are the nodes' children, so visiting
   * children keeps them while the markup around them goes.
   */
  private static final class PlainText extends AbstractVisitor {
    private final StringBuilder out = new StringBuilder();

    @Override
    public void visit(Text text) {
      out.append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
      out.append(code.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak lineBreak) {
      out.append(' ');
    }

    @Override
    public void visit(HardLineBreak lineBreak) {
      out.append(' ');
    }

    @Override
    public void visit(HtmlInline html) {
      // Inline tags carry no words; a <br> still separates the words around it.
      if (html.getLiteral().toLowerCase(Locale.ROOT).startsWith("<br")) {
        out.append(' ');
      }
    }
  }
}
