package dev.passages.web;

import dev.passages.search.PassageSearch;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The two HTML pages. Both are static shells filled in by their scripts from the JSON API; the
 * server only picks the page and the status.
 */
final class Pages {

  private static final String HTML = "text/html; charset=utf-8";

  private final PassageSearch search;
  private final byte[] searchPage = resource("/web/index.html");
  private final byte[] documentPage = resource("/web/doc.html");

  Pages(PassageSearch search) {
    this.search = search;
  }

  /** {@code GET /}: the search page; the query, if any, is in {@code ?q=}. */
  void search(Context ctx) {
    ctx.contentType(HTML).result(searchPage);
  }

  /** {@code GET /doc/{doc}}: the document view, 404 when no such document is indexed. */
  void document(Context ctx) {
    boolean known = search.exists(ctx.pathParam("doc"));
    ctx.status(known ? HttpStatus.OK : HttpStatus.NOT_FOUND).contentType(HTML).result(documentPage);
  }

  private static byte[] resource(String path) {
    try (InputStream in = Pages.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
