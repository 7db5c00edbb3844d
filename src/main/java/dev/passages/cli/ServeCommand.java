package dev.passages.cli;

import dev.passages.comments.CommentBoard;
import dev.passages.corpus.CommentStore;
import dev.passages.embedding.EmbeddingModel;
import dev.passages.index.CorpusIndex;
import dev.passages.index.CorpusWatcher;
import dev.passages.index.EngineWriter;
import dev.passages.index.IndexLockedException;
import dev.passages.index.IndexReport;
import dev.passages.index.VectorFill;
import dev.passages.lucene.LuceneEngine;
import dev.passages.lucene.LuceneWriter;
import dev.passages.opensearch.Cluster;
import dev.passages.opensearch.OpenSearchWriter;
import dev.passages.search.EngineReader;
import dev.passages.search.PassageSearch;
import dev.passages.web.WebOptions;
import dev.passages.web.WebServer;
import io.javalin.Javalin;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;

/** {@code passages serve}: the web UI and JSON API. */
final class ServeCommand implements Callable<Integer> {

  /** The environment variable holding the token that allows deleting comments. */
  static final String ADMIN_TOKEN_VARIABLE = "PASSAGES_ADMIN_TOKEN";

  /** How long after the server has started the embedding model starts loading. */
  static final Duration MODEL_LOAD_DELAY = Duration.ofMillis(500);

  /** Kept answers are up to about 64 KB each: this many fit in a quarter of a 1 GB heap. */
  static final int MAX_RESULT_CACHE = 4_096;

  final CommandSpec spec =
      Options.command(
          this,
          "serve",
          "Serves the search over HTTP: the web UI at /, the JSON API under /api, and /health.",
          "Brings the index up to date first, then watches the corpus folder and makes added, edited"
              + " and deleted files searchable within a second.",
          "Reader comments posted through the API are written to corpus/comments/. Set "
              + "PASSAGES_ADMIN_TOKEN to allow deleting them.");

  final Locations locations = new Locations(spec);

  final SemanticOption semantic = new SemanticOption(spec);

  final EngineOptions engine = new EngineOptions(spec);

  String host;

  int commentsPerMinute;

  int port;

  int resultCache;

  boolean trainingRun;

  ServeCommand() {
    spec.addOption(
        Options.option("--host", String.class, () -> host, value -> host = value)
            .paramLabel("HOST")
            .defaultValue("127.0.0.1")
            .description("Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
            .build());
    spec.addOption(
        Options.option(
                "--comments-per-minute",
                int.class,
                () -> commentsPerMinute,
                value -> commentsPerMinute = value)
            .paramLabel("N")
            .defaultValue("10")
            .description(
                "Comments one client address may post per minute (default: ${DEFAULT-VALUE}).")
            .build());
    spec.addOption(
        Options.option("--port", int.class, () -> port, value -> port = value)
            .paramLabel("PORT")
            .defaultValue("7070")
            .description("Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
            .build());
    spec.addOption(
        Options.option("--result-cache", int.class, () -> resultCache, v -> resultCache = v)
            .paramLabel("N")
            .defaultValue("256")
            .description(
                "Keep the answers to up to N distinct searches until the index changes; 0 keeps"
                    + " none (default: ${DEFAULT-VALUE}).")
            .build());
    spec.addOption(
        Options.option("--training-run", boolean.class, () -> trainingRun, v -> trainingRun = v)
            .hidden(true)
            .description(
                "Serve a sample of the corpus from a temporary index on a free port, run a"
                    + " reader's session against it (TrainingRun), and stop: what the launcher"
                    + " records the JVM's AOT cache from.")
            .build());
  }

  @Override
  public Integer call() throws Exception {
    if (trainingRun) {
      if (!Files.isDirectory(locations.corpus)) {
        spec.commandLine()
            .getErr()
            .println(
                "error: a training run samples the corpus folder, and there is no "
                    + locations.corpus);
        spec.commandLine().getErr().flush();
        return ExitCodes.FAILURE;
      }
      Path work = Files.createTempDirectory("passages-training");
      try {
        Path sample = work.resolve("corpus");
        TrainingRun.sampleCorpus(locations.corpus, sample);
        locations.corpus = sample;
        locations.index = work.resolve("index");
        host = "127.0.0.1";
        port = 0;
        return serve();
      } finally {
        try (Stream<Path> walk = Files.walk(work)) {
          walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    }
    return serve();
  }

  private Integer serve() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65_535) {
      err.println("error: --port must be between 0 and 65535, got " + port);
      err.flush();
      return ExitCodes.USAGE;
    }
    if (commentsPerMinute < 1) {
      err.println("error: --comments-per-minute must be at least 1, got " + commentsPerMinute);
      err.flush();
      return ExitCodes.USAGE;
    }
    if (resultCache < 0 || resultCache > MAX_RESULT_CACHE) {
      err.println(
          "error: --result-cache must be between 0 and "
              + MAX_RESULT_CACHE
              + ", got "
              + resultCache);
      err.flush();
      return ExitCodes.USAGE;
    }
    if (engine.problem() != null) {
      err.println("error: " + engine.problem());
      err.flush();
      return ExitCodes.USAGE;
    }
    EngineWriter writer;
    EngineReader reader;
    Closeable cluster = () -> {};
    Object where = locations.index;
    boolean meaningOn = semantic.on() && !engine.onCluster();
    if (engine.onCluster()) {
      Cluster connected = engine.connect();
      try {
        OpenSearchWriter onCluster =
            OpenSearchWriter.open(
                connected, engine.indexName, engine.shards, engine.replicas, false);
        writer = onCluster;
        reader = onCluster.reader();
        cluster = connected;
        where = engine.where();
      } catch (RuntimeException e) {
        connected.close();
        err.println("error: " + e.getMessage());
        err.flush();
        return ExitCodes.FAILURE;
      }
    } else {
      try {
        LuceneWriter onDisk = LuceneWriter.open(locations.index, false);
        writer = onDisk;
        reader = LuceneEngine.live(onDisk);
      } catch (IndexLockedException e) {
        err.println("error: " + e.getMessage() + "; is another `passages serve` using it?");
        err.flush();
        return ExitCodes.FAILURE;
      }
    }
    // A server killed mid-write leaves a comment's temporary file; holding the index lock, this is
    // the writer of the comments folder now and may clear them (none was ever acknowledged).
    int unfinished = new CommentStore(locations.corpus).removeUnfinished();
    if (unfinished > 0) {
      out.printf(
          "Removed %d unfinished comment file%s left by a server that was stopped mid-write%n",
          unfinished, unfinished == 1 ? "" : "s");
    }
    Closeable connection = cluster;
    CorpusIndex index = new CorpusIndex(locations.corpus, writer);
    long checking = System.nanoTime();
    Optional<IndexReport> report;
    try {
      report = index.updateIfChanged();
    } catch (IOException | RuntimeException e) {
      // Not serving after all: the index lock (or the cluster connection) is let go first.
      try (connection;
          writer) {
        throw e;
      }
    }
    if (report.isPresent()) {
      IndexCommand.printSummary(report.get(), where, out, err);
    } else {
      out.printf(
          "The index in %s is up to date with %s (checked in %d ms)%n",
          where, locations.corpus, (System.nanoTime() - checking) / 1_000_000);
    }
    // The model loads once the server has started, which does not wait for it: searches go by
    // words alone until it is there. Passages get their vectors in the background, on all cores
    // but one.
    EmbeddingModel model = meaningOn ? EmbeddingModel.deferred() : EmbeddingModel.off();
    PassageSearch search = new PassageSearch(reader, resultCache, model);
    VectorFill fill =
        new VectorFill(index, model, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    if (meaningOn) {
      fill.start(
          line -> {
            out.println(line);
            out.flush();
          });
    }
    CorpusWatcher watcher =
        new CorpusWatcher(
            locations.corpus,
            index,
            change -> {
              out.printf(
                  "Corpus changed: %d added, %d updated, %d removed (%d ms)%n",
                  change.added(), change.updated(), change.removed(), change.millis());
              out.flush();
            });
    CommentBoard comments = new CommentBoard(index, search);
    String token = System.getenv(ADMIN_TOKEN_VARIABLE);
    Javalin app =
        WebServer.create(
            search,
            comments,
            new WebOptions(
                commentsPerMinute, token, () -> SemanticOption.status(meaningOn, model, fill)));
    Closeable shutdown =
        () -> {
          // Resources close in reverse order, after the body: stop taking requests and let those
          // under way finish (WebServer's stop timeout), stop watching, stop embedding (which
          // commits its vectors), close the searchers and the model, then commit and close the
          // index, so every comment answered 201 is in the last commit.
          try (connection;
              index;
              model;
              search;
              fill;
              watcher) {
            app.stop();
          }
        };
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      shutdown.close();
      err.println(
          "error: cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + rootMessage(e)
              + ")"
              + "; is another server running there? Choose another with --port");
      err.flush();
      return ExitCodes.FAILURE;
    }
    if (trainingRun) {
      if (meaningOn) {
        model.startLoading(Duration.ZERO);
        model.await();
        // Questions are learnt going by meaning: every passage of the sample gets its vector.
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (fill.progress().embedded() < fill.progress().passages()
            && model.problem().isEmpty()
            && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
      }
      int requests;
      try {
        requests = TrainingRun.against(app.port());
      } finally {
        shutdown.close();
      }
      out.printf("Training run: %d requests%n", requests);
      out.flush();
      return ExitCodes.OK;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Signals.Stop signal =
        Signals.onStop(
            () -> {
              try {
                shutdown.close();
              } catch (IOException | RuntimeException e) {
                // Javalin throws when requests outlast the stop timeout; the index is closed by
                // then
                // all the same, and stopping must still finish for the JVM to exit.
                System.err.println("error while stopping: " + e.getMessage());
              }
              stopped.countDown();
            });
    out.printf(
        "Passages is serving %d passages at http://%s:%d/ (Ctrl-C stops it)%n",
        search.passageCount(), host.contains(":") ? "[" + host + "]" : host, app.port());
    if (meaningOn) {
      // Loading the model is a second of CPU: it waits until the server has started, and a little
      // more, so that the first searches are not slowed by it on a machine of two cores.
      model.startLoading(MODEL_LOAD_DELAY);
    }
    out.println(
        engine.onCluster()
            ? "Meaning-based search: off on OpenSearch; questions are searched by words alone"
            : meaningOn
                ? "Meaning-based search: on; the model loads in the background, and passages without"
                    + " a vector get one"
                : "Meaning-based search: off (--semantic off); searches go by words alone");
    out.printf(
        "Watching %s for changes; comment deletion is %s%n",
        locations.corpus,
        token == null || token.isBlank()
            ? "off (set " + ADMIN_TOKEN_VARIABLE + " to allow it)"
            : "on");
    out.flush();
    stopped.await();
    return signal.exitCode(ExitCodes.OK);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.toString();
  }
}
