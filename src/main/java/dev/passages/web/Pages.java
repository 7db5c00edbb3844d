package dev.passages.web;

import dev.passages.search.PassageSearch;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The two HTML pages. Both are static shells filled in by their scripts from the JSON API; the
 * server only picks the page and the status.
 */
final class Pages {

  private final PassageSearch search;
  private final StaticFiles.File searchPage;
  private final StaticFiles.File documentPage;

  Pages(PassageSearch search, StaticFiles files) {
    this.search = search;
    this.searchPage = files.file("index.html");
    this.documentPage = files.file("doc.html");
  }

  /** {@code GET /}: the search page; the query, if any, is in {@code ?q=}. */
  void search(Context ctx) {
    StaticFiles.send(ctx, searchPage, HttpStatus.OK);
  }

  /** {@code GET /doc/{doc}}: the document view, 404 when no such document is indexed. */
  void document(Context ctx) {
    boolean known = search.exists(ctx.pathParam("doc"));
    StaticFiles.send(ctx, documentPage, known ? HttpStatus.OK : HttpStatus.NOT_FOUND);
  }
}
