package dev.passages.cli;

import dev.passages.search.LucenePassageSearch;
import dev.passages.web.WebServer;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code passages serve}: the web UI and JSON API. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the search over HTTP: the JSON API under /api and /health.",
      "Indexes the corpus first when the index is missing or out of date."
    })
final class ServeCommand implements Callable<Integer> {

  @Mixin Locations locations;

  @Spec CommandSpec spec;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "7070",
      description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65_535) {
      err.println("error: --port must be between 0 and 65535, got " + port);
      err.flush();
      return ExitCodes.USAGE;
    }
    locations.ensureFreshIndex(err);
    LucenePassageSearch search = LucenePassageSearch.open(locations.index);
    Javalin app = WebServer.create(search);
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      search.close();
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
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  try {
                    search.close();
                  } catch (Exception e) {
                    // The process is ending; nothing was written that could be lost.
                  }
                  stopped.countDown();
                }));
    out.printf(
        "Passages is serving %d passages at http://%s:%d/ (Ctrl-C stops it)%n",
        search.passageCount(), host.contains(":") ? "[" + host + "]" : host, app.port());
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.toString();
  }
}
