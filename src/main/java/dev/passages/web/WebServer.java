package dev.passages.web;

import dev.passages.comments.CommentBoard;
import dev.passages.corpus.CommentRejectedException;
import dev.passages.search.EngineUnavailableException;
import dev.passages.search.InvalidRequestException;
import dev.passages.search.MeaningStatus;
import dev.passages.search.PassageSearch;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the search page at {@code /}, document views at {@code /doc/{doc}}, their
 * scripts and styles from {@code src/main/resources/web}, and the JSON API under {@code /api}.
 * Built but not started: {@code create(search).start("127.0.0.1", 7070)}; tests start it on port 0.
 * Every error is JSON {@code {"error": "..."}}; no internal detail reaches a client.
 */
public final class WebServer {

  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /**
   * How long stopping waits for requests under way. A comment post takes milliseconds; this is for
   * a slow disk, and well inside the grace that service managers give before SIGKILL (systemd 90 s,
   * Kubernetes 30 s).
   */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration IDLE_CONNECTION_SHUTDOWN = Duration.ofMillis(50);

  /** The longest request line and headers taken: a query of 10,000 characters, encoded. */
  static final int MAX_URL_BYTES = 64 * 1024;

  private static final String REFERENCES_PER_CACHE_LINE =
      "org.eclipse.jetty.util.referencesPerCacheLine";

  static {
    // Jetty pads a queue by the JVM's UseCompressedOops, which it asks the platform MBean server
    // unless told: ~100 ms of every start (JMX, and JFR's diagnostic commands). Compressed oops
    // are on for any heap under 32 GB: 4-byte references, 16 to a 64-byte cache line.
    if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
    }
  }

  /** The UI: its two pages (answered by {@link Pages}) and the files they load. */
  private static final String[] ASSETS = {
    "index.html", "doc.html", "app.css", "doc.css", "api.js", "search.js", "doc.js", "favicon.svg"
  };

  private WebServer() {}

  /**
   * Does ahead what starting the server would otherwise do itself: reads the UI's files and
   * initialises Jetty's table of media types (about 90 ms of a start here, read from the jar).
   * {@code passages serve} runs this on a second core while the first reads the command line and
   * opens the index.
   */
  public static void prepareServer() {
    StaticFiles.load(ASSETS);
    MimeTypes.DEFAULTS.getMimeByExtension("index.html");
  }

  /**
   * Loads what the first compressed answer would otherwise wait for: zstd's native library (about
   * 50 ms). Run as {@link #prepareServer}, after it. Brotli's loads when first asked for ({@link
   * BrotliBytes#ready}).
   */
  public static void prepareCompression() {
    ZstdBytes.available();
  }

  /** The read-only Passages app over {@code search}, unstarted: no comments can be posted. */
  public static Javalin create(PassageSearch search) {
    return create(search, null, WebOptions.DEFAULTS);
  }

  /**
   * The Passages app over {@code search}, unstarted, taking reader comments through {@code
   * comments} when it is not null.
   */
  public static Javalin create(PassageSearch search, CommentBoard comments, WebOptions options) {
    JsonAnswers answers = new JsonAnswers(search.keptResults());
    SearchRoutes routes = new SearchRoutes(search, answers);
    StaticFiles files = StaticFiles.load(ASSETS);
    Pages pages = new Pages(search, files);
    CommentRoutes commentRoutes =
        comments == null ? null : new CommentRoutes(comments, options, answers);
    return Javalin.create(
        config -> {
          configureServer(config, files);
          config.routes.before(ctx -> SecurityHeaders.ALL.forEach(ctx::header));
          config.routes.get("/", pages::search);
          config.routes.get("/doc/<doc>", pages::document);
          config.routes.head("/", pages::search);
          config.routes.head("/doc/<doc>", pages::document);
          config.routes.get(
              "/health",
              ctx ->
                  answers.send(
                      ctx, new Health("ok", search.passageCount(), options.meaning().get())));
          config.routes.get("/api/search", routes::search);
          config.routes.get("/api/suggest", routes::suggest);
          config.routes.get("/api/documents", routes::documents);
          if (commentRoutes != null) {
            config.routes.post("/api/comments", commentRoutes::post);
            config.routes.delete("/api/comments/{id}", commentRoutes::delete);
            // Before "/api/documents/<doc>", which would take "article/comments" as an id.
            config.routes.get("/api/documents/<doc>/comments", commentRoutes::list);
          }
          config.routes.get("/api/documents/<doc>/paragraphs/{n}/related", routes::related);
          config.routes.get("/api/documents/<doc>/related", routes::relatedCounts);
          config.routes.get("/api/documents/<doc>", routes::document);
          config.routes.exception(InvalidRequestException.class, WebServer::invalidRequest);
          config.routes.exception(ValidationException.class, WebServer::invalidParameter);
          config.routes.exception(CommentRejectedException.class, WebServer::rejectedComment);
          config.routes.exception(HttpResponseException.class, WebServer::httpError);
          config.routes.exception(EngineUnavailableException.class, WebServer::engineUnavailable);
          config.routes.exception(Exception.class, WebServer::internalError);
        });
  }

  /** Everything but the routes that read the index. */
  private static void configureServer(JavalinConfig config, StaticFiles files) {
    config.startup.showJavalinBanner = false;
    config.concurrency.useVirtualThreads = true;
    config.jsonMapper(new JavalinJackson(Json.mapper(), true));
    config.http.maxRequestSize = 64 * 1024;
    // Large answers are gzipped where they are made (JsonAnswers, StaticFiles); the rest (errors)
    // are small.
    config.http.compressionStrategy = CompressionStrategy.NONE;
    // A query may be up to 10,000 characters, and its URL more once encoded; Jetty's
    // default of 8 KiB for the request line and headers would refuse a pasted paragraph.
    config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_URL_BYTES));
    config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
    // Stopping (SIGTERM) lets requests under way finish instead of cutting them off: a
    // comment whose file is written also gets its index update and its 201, and the index
    // is not closed under it. Jetty needs a GracefulHandler to count them and a stop timeout
    // to wait; meanwhile it refuses new connections and answers new requests 503.
    config.jetty.modifyServer(
        server -> {
          GracefulHandler graceful = new GracefulHandler();
          // Idle keep-alive connections are closed this soon rather than after Jetty's 1 s
          // default, which every stop with a browser or client connected would wait out.
          graceful.setShutdownIdleTimeout(IDLE_CONNECTION_SHUTDOWN.toMillis());
          server.insertHandler(graceful);
          server.setStopTimeout(STOP_TIMEOUT.toMillis());
        });
    for (String name : files.names()) {
      if (!name.endsWith(".html")) {
        config.routes.get("/" + name, ctx -> files.serve(ctx, name));
        config.routes.head("/" + name, ctx -> files.serve(ctx, name));
      }
    }
  }

  /**
   * The health check.
   *
   * @param passages passages in the index
   * @param meaning whether questions are searched by meaning, and how far the vectors are
   */
  public record Health(String status, int passages, MeaningStatus meaning) {}

  private static void invalidRequest(InvalidRequestException e, Context ctx) {
    ctx.status(400).json(new ErrorBody(e.getMessage(), e.parameter()));
  }

  private static void rejectedComment(CommentRejectedException e, Context ctx) {
    ctx.status(400).json(new ErrorBody(e.getMessage(), e.field()));
  }

  /** Javalin's validators: a value of the wrong type, or one that failed a check. */
  private static void invalidParameter(ValidationException e, Context ctx) {
    Map.Entry<String, List<ValidationError<Object>>> first =
        e.getErrors().entrySet().iterator().next();
    String name = first.getKey();
    ValidationError<Object> error = first.getValue().isEmpty() ? null : first.getValue().getFirst();
    Object value = error == null ? null : error.value;
    String message =
        error == null || "TYPE_CONVERSION_FAILED".equals(error.getMessage())
            ? name + " must be a whole number, got '" + value + "'"
            : name + ": " + error.getMessage() + ", got '" + value + "'";
    ctx.status(400).json(new ErrorBody(message, name));
  }

  private static void httpError(HttpResponseException e, Context ctx) {
    ctx.status(e.getStatus()).json(ErrorBody.of(e.getMessage()));
  }

  /** A search cluster that is down or unreachable: not the reader's fault, and soon over. */
  private static void engineUnavailable(EngineUnavailableException e, Context ctx) {
    LOG.warn("request {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
    ctx.header("Retry-After", "5");
    ctx.status(503).json(ErrorBody.of("the search engine is unavailable; try again in a moment"));
  }

  private static void internalError(Exception e, Context ctx) {
    LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
    ctx.status(500).json(ErrorBody.of("internal error; the server log has the details"));
  }
}
