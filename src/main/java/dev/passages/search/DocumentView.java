package dev.passages.search;

import java.util.List;

/** A whole document: its passages in reading order. */
public record DocumentView(String id, String title, String source, List<PassageView> passages) {

  public DocumentView {
    passages = List.copyOf(passages);
  }

  /**
   * One passage of a document.
   *
   * @param anchor the fragment naming it in the document: {@code title}, {@code h1}, {@code p7}
   */
  public record PassageView(
      String id, String anchor, String kind, Integer paragraph, String section, String text) {}
}
