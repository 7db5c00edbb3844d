package dev.passages.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Splits an HTML page into passages. Scripts, styles and page furniture (navigation, header,
 * footer, forms, asides) are removed first; the content is then read from the first {@code <main>},
 * else the first {@code <article>}, else the body.
 *
 * <p>The title is the {@code <title>}, else the first {@code <h1>} (one in a {@code <header>}
 * counts), else the file name; an {@code <h1>} that repeats the title is not also a heading.
 * Headings {@code h1}-{@code h6} are heading passages and the section of what follows. Each {@code
 * <p>}, each {@code <li>} (its own text; the items of a nested list follow as their own passages)
 * and each paragraph of a {@code <blockquote>} (or the whole quote when it has no {@code <p>}) is a
 * paragraph passage, in document order. Text that stands in no such element, directly in a {@code
 * <div>} or {@code <td>} say, is a paragraph too, one per run between block elements, so that no
 * text of the page is lost.
 *
 * <p>Metadata: {@code <meta name="author">}, the first {@code <time>} ({@code datetime}, else its
 * text), {@code <link rel="canonical">} and the {@code <title>}.
 */
public final class HtmlDocumentParser {

  /** Not text, or not the page's content: removed before anything is read. */
  private static final String FURNITURE =
      "script, style, noscript, template, iframe, svg, nav, footer, form, aside";

  private HtmlDocumentParser() {}

  /**
   * The document {@code id} from the HTML page {@code text}; empty when the page has no text.
   *
   * @param id the document id, as in {@link SourceDocument#id()}
   */
  public static Optional<SourceDocument> parse(String id, Source source, String text) {
    Document page = Jsoup.parse(text);
    page.select(FURNITURE).remove();
    // An article's headline, byline and date usually sit in its <header>: look for the date and
    // the fallback title before headers go, but after navigation and asides, whose dates and
    // headlines belong to other articles.
    String date = date(page);
    Element h1 = page.selectFirst("h1");
    page.select("header").remove();

    Metadata metadata =
        new Metadata(
            page.title(),
            attribute(page, "meta[name=author]", "content"),
            date,
            attribute(page, "link[rel=canonical]", "href"),
            null);
    String title = metadata.title();
    if (title == null && h1 != null) {
      title = h1.text();
    }
    DocumentBuilder document = new DocumentBuilder(id, source, title, metadata);
    new Reader(document).container(contentRoot(page));
    return document.build();
  }

  private static Element contentRoot(Document page) {
    Element main = page.selectFirst("main");
    if (main != null) {
      return main;
    }
    Element article = page.selectFirst("article");
    return article != null ? article : page.body();
  }

  private static String date(Document page) {
    Element time = page.selectFirst("time");
    if (time == null) {
      return null;
    }
    String datetime = time.attr("datetime");
    return datetime.isBlank() ? time.text() : datetime;
  }

  private static String attribute(Document page, String selector, String attribute) {
    Element element = page.selectFirst(selector);
    return element == null ? null : element.attr(attribute);
  }

  /** Walks the content in document order, handing each passage to the builder once. */
  private record Reader(DocumentBuilder document) {

    /** Reads the children of {@code parent}: passage elements, containers and loose text. */
    void container(Element parent) {
      List<Node> loose = new ArrayList<>();
      for (Node child : parent.childNodes()) {
        if (child instanceof Element element && !isInline(element)) {
          looseText(loose);
          element(element);
        } else {
          loose.add(child);
        }
      }
      looseText(loose);
    }

    private void element(Element element) {
      switch (element.normalName()) {
        case "h1", "h2", "h3", "h4", "h5", "h6" -> heading(element);
        case "p" -> document.paragraph(element.text());
        case "li" -> listItem(element);
        case "blockquote" -> {
          if (element.selectFirst("p") == null) {
            document.paragraph(element.text());
          } else {
            container(element);
          }
        }
        default -> container(element);
      }
    }

    private void heading(Element heading) {
      String text = DocumentBuilder.collapse(heading.text());
      if (!(heading.normalName().equals("h1") && text.equals(document.title()))) {
        document.heading(text);
      }
    }

    /** The item's text without its nested lists, then the nested lists' items. */
    private void listItem(Element item) {
      Element own = item.clone();
      own.select("ul, ol").remove();
      document.paragraph(own.text());
      nestedLists(item);
    }

    private void nestedLists(Element parent) {
      for (Element child : parent.children()) {
        if (child.normalName().equals("ul") || child.normalName().equals("ol")) {
          container(child);
        } else {
          nestedLists(child);
        }
      }
    }

    /** A run of text and inline elements between blocks becomes one paragraph. */
    private void looseText(List<Node> run) {
      if (!run.isEmpty()) {
        Element paragraph = new Element("p");
        run.forEach(node -> paragraph.appendChild(node.clone()));
        document.paragraph(paragraph.text());
        run.clear();
      }
    }

    /**
     * An inline element with no block inside it. jsoup counts unknown tags as inline, so {@code
     * <my-card><p>…</p></my-card>} must be read as a container, not as one run of text.
     */
    private static boolean isInline(Element element) {
      return element.getAllElements().stream().noneMatch(Element::isBlock);
    }
  }
}
