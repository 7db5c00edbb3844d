package dev.passages.cli;

import dev.passages.corpus.Source;
import dev.passages.embedding.EmbeddingModel;
import dev.passages.lucene.LuceneEngine;
import dev.passages.opensearch.Cluster;
import dev.passages.opensearch.OpenSearchWriter;
import dev.passages.search.Hit;
import dev.passages.search.InvalidRequestException;
import dev.passages.search.PassageSearch;
import dev.passages.search.SearchRequest;
import dev.passages.search.SearchResult;
import dev.passages.web.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/** {@code passages search QUERY...}: prints the matching passages. */
final class SearchCommand implements Callable<Integer> {

  private static final String MARK_ON = "\u001b[1;33m";
  private static final String MARK_OFF = "\u001b[0m";
  private static final String DIM_ON = "\u001b[2m";

  /** When to colour the matches. */
  enum Color {
    auto,
    always,
    never
  }

  final CommandSpec spec =
      Options.command(
          this,
          "search",
          "Prints the passages matching QUERY, best first, matches highlighted on a terminal.",
          "Indexes the corpus first when the index is missing or out of date.",
          "Exit code: 0 when something was found, 1 when nothing was, 2 for a bad query or"
              + " option.");

  final Locations locations = new Locations(spec);

  final SemanticOption semantic = new SemanticOption(spec);

  final EngineOptions engine = new EngineOptions(spec);

  int limit;

  int offset;

  Set<Source> sources = Set.of();

  boolean json;

  Color color;

  List<String> query;

  SearchCommand() {
    spec.addOption(
        Options.option("--limit", int.class, () -> limit, value -> limit = value)
            .paramLabel("N")
            .defaultValue("10")
            .description("Passages to print, 1 to 100 (default: ${DEFAULT-VALUE}).")
            .build());
    spec.addOption(
        Options.option("--offset", int.class, () -> offset, value -> offset = value)
            .paramLabel("N")
            .defaultValue("0")
            .description("Passages to skip first (default: ${DEFAULT-VALUE}).")
            .build());
    spec.addOption(
        Options.<Set<Source>>option("--source", Set.class, () -> sources, v -> sources = v)
            .auxiliaryTypes(Source.class)
            // By the sources' names, in any case, as the query syntax and the API take them:
            // picocli's own conversion of the enum wanted its constants' names (ARTICLE).
            .converters(
                id ->
                    Source.byId(id)
                        .orElseThrow(
                            () ->
                                new TypeConversionException(
                                    "expected one of article, commentary, comment but was '"
                                        + id
                                        + "'")))
            .paramLabel("SOURCE")
            .splitRegex(",")
            .description("Only these sources: article, commentary, comment.")
            .build());
    spec.addOption(
        Options.option("--json", boolean.class, () -> json, value -> json = value)
            .description("Print the result as the API's JSON.")
            .build());
    spec.addOption(
        Options.option("--color", Color.class, () -> color, value -> color = value)
            .paramLabel("auto|always|never")
            .defaultValue("auto")
            .description("Highlight matches: auto (on a terminal), always, never.")
            .build());
    spec.addPositional(
        Options.<List<String>>parameters(List.class, () -> query, value -> query = value)
            .auxiliaryTypes(String.class)
            .paramLabel("QUERY")
            .arity("1..*")
            .required(true)
            .description("The query; see README.")
            .build());
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SearchRequest request;
    try {
      request = new SearchRequest(String.join(" ", query), limit, offset, sources);
    } catch (InvalidRequestException e) {
      err.println(
          "error: "
              + e.getMessage()
                  .replaceFirst("^limit", "--limit")
                  .replaceFirst("^offset", "--offset")
                  .replaceFirst("^q ", "the query "));
      err.flush();
      return ExitCodes.USAGE;
    }
    if (engine.problem() != null) {
      err.println("error: " + engine.problem());
      err.flush();
      return ExitCodes.USAGE;
    }
    SearchResult result;
    if (engine.onCluster()) {
      // On a cluster, questions go by words alone (see README: running on a cluster).
      try (Cluster cluster = engine.connect();
          PassageSearch search =
              new PassageSearch(
                  OpenSearchWriter.reader(cluster, engine.indexName), 0, EmbeddingModel.off())) {
        result = search.search(request);
      }
      return print(result, out);
    }
    // The model loads only if the query is searched by meaning (a second): not for a keyword, which
    // neither embeds the passages that wait for a vector.
    boolean meaning = semantic.on() && PassageSearch.mayUseMeaning(request.query());
    try (EmbeddingModel model = meaning ? EmbeddingModel.onDemand() : EmbeddingModel.off()) {
      locations.ensureFreshIndex(err, meaning ? model : null);
      try (PassageSearch search = new PassageSearch(LuceneEngine.open(locations.index), 0, model)) {
        result = search.search(request);
      }
    }
    return print(result, out);
  }

  private int print(SearchResult result, PrintWriter out) throws IOException {
    if (json) {
      out.println(Json.mapper().writeValueAsString(result));
    } else {
      print(result, out, colored());
    }
    out.flush();
    return result.total() > 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private boolean colored() {
    return switch (color) {
      case always -> true;
      case never -> false;
      case auto -> Ansi.AUTO.enabled() && System.console() != null;
    };
  }

  private static void print(SearchResult result, PrintWriter out, boolean colored) {
    int rank = result.offset();
    for (Hit hit : result.hits()) {
      StringBuilder heading = new StringBuilder().append(++rank).append(". ").append(hit.title());
      if (hit.section() != null) {
        heading.append(" › ").append(hit.section());
      }
      heading.append(" · ").append(place(hit)).append(" · ").append(hit.id());
      out.println(colored ? DIM_ON + heading + MARK_OFF : heading);
      out.println(colored ? marked(hit) : hit.text());
      out.println();
    }
    long shown = result.hits().size();
    out.printf(
        "%d%s passage%s found%s in %.1f ms%n",
        result.total(),
        result.totalExact() ? "" : "+",
        result.total() == 1 && result.totalExact() ? "" : "s",
        shown < result.total() ? " (showing " + (result.offset() + 1) + "-" + rank + ")" : "",
        result.tookMs());
    if (result.correctedFrom() != null) {
      out.printf(
          "Showing results for %s (no passage matches %s)%n",
          result.query(), result.correctedFrom());
    }
    if (result.suggestion() != null) {
      out.printf("Did you mean: %s%n", result.suggestion());
    }
    if (result.byMeaning() > 0) {
      out.printf(
          "%d found by meaning alone: close to the question, without its words; the closest"
              + " sentence of each is marked.%n",
          result.byMeaning());
    }
    if (result.relaxed()) {
      out.println(
          result.allWords() == 0
              ? "No passage has every word; these have some of them, the best first."
              : String.format(
                  "%d of them hold%s every word and come first; the rest hold some of the words.",
                  result.allWords(), result.allWords() == 1 ? "s" : ""));
    }
  }

  private static String place(Hit hit) {
    return switch (hit.kind()) {
          case "title" -> "title";
          case "heading" -> "heading";
          default -> "paragraph " + hit.paragraph();
        }
        + " of the "
        + hit.source();
  }

  /** The whole passage with its matches in bold yellow. */
  private static String marked(Hit hit) {
    StringBuilder text = new StringBuilder();
    int pos = 0;
    for (int[] match : hit.matches()) {
      text.append(hit.text(), pos, match[0]).append(MARK_ON);
      text.append(hit.text(), match[0], match[1]).append(MARK_OFF);
      pos = match[1];
    }
    return text.append(hit.text().substring(pos)).toString();
  }
}
