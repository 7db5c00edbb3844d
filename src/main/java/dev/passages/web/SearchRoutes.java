package dev.passages.web;

import dev.passages.corpus.Source;
import dev.passages.search.CompletionRequest;
import dev.passages.search.Completions;
import dev.passages.search.InvalidRequestException;
import dev.passages.search.PassageSearch;
import dev.passages.search.SearchRequest;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** The JSON API: thin handlers that read parameters, call the search and return its records. */
final class SearchRoutes {

  private final PassageSearch search;
  private final JsonAnswers answers;

  SearchRoutes(PassageSearch search, JsonAnswers answers) {
    this.search = search;
    this.answers = answers;
  }

  /** {@code GET /api/search?q=&limit=&offset=&source=&doc=}. */
  void search(Context ctx) {
    SearchRequest request =
        new SearchRequest(
            ctx.queryParamAsClass("q", String.class).getOrDefault(""),
            ctx.queryParamAsClass("limit", Integer.class).getOrDefault(SearchRequest.DEFAULT_LIMIT),
            ctx.queryParamAsClass("offset", Integer.class).getOrDefault(0),
            sources(ctx.queryParam("source")),
            ctx.queryParam("doc"));
    answers.send(ctx, request, search.search(request));
  }

  /** {@code GET /api/suggest?q=&limit=}: completions of what is being typed. */
  void suggest(Context ctx) {
    answers.send(
        ctx,
        search.complete(
            new CompletionRequest(
                ctx.queryParamAsClass("q", String.class).getOrDefault(""),
                ctx.queryParamAsClass("limit", Integer.class)
                    .getOrDefault(Completions.DEFAULT_LIMIT))));
  }

  /** {@code GET /api/documents}. */
  void documents(Context ctx) {
    answers.send(ctx, search.documents());
  }

  /** {@code GET /api/documents/{doc}}; the id may contain slashes. */
  void document(Context ctx) {
    String id = ctx.pathParam("doc");
    answers.send(
        ctx,
        search
            .document(id)
            .orElseThrow(() -> new NotFoundResponse("no document with id '" + id + "'")));
  }

  /** {@code GET /api/documents/{doc}/paragraphs/{n}/related}: what discusses that paragraph. */
  void related(Context ctx) {
    String doc = ctx.pathParam("doc");
    int paragraph =
        ctx.pathParamAsClass("n", Integer.class)
            .check(n -> n >= 1, "paragraph numbers start at 1")
            .get();
    answers.send(
        ctx,
        search
            .related(doc, paragraph)
            .orElseThrow(
                () ->
                    new NotFoundResponse(
                        "no paragraph " + paragraph + " in document '" + doc + "'")));
  }

  /** {@code GET /api/documents/{doc}/related}: per paragraph, how many passages discuss it. */
  void relatedCounts(Context ctx) {
    String doc = ctx.pathParam("doc");
    if (!search.exists(doc)) {
      throw new NotFoundResponse("no document with id '" + doc + "'");
    }
    answers.send(ctx, search.relatedCounts(doc));
  }

  /** {@code source=commentary,comment}: a comma-separated list; blank means every source. */
  private static Set<Source> sources(String param) {
    Set<Source> sources = EnumSet.noneOf(Source.class);
    if (param == null || param.isBlank()) {
      return sources;
    }
    for (String name : param.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      sources.add(
          Source.byId(name.strip())
              .orElseThrow(
                  () ->
                      new InvalidRequestException(
                          "source",
                          "source must be one of "
                              + Arrays.stream(Source.values()).map(Source::id).toList()
                              + ", got '"
                              + name.strip()
                              + "'")));
    }
    return sources;
  }
}
