package dev.passages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code passages serve} as a real child process: indexes, listens on loopback, stops on TERM. */
class ServeProcessTest {

  @TempDir Path dir;

  @Test
  void serveIndexesTheCorpusAndAnswersOnLoopbackUntilTerminated() throws Exception {
    Path corpus = SeedCorpus.copyTo(dir);
    try (ServerProcess server = ServerProcess.start(corpus, dir.resolve("index"))) {
      assertThat(server.output()).contains("Indexed 1 document, 15 passages");
      assertThat(server.base()).startsWith("http://127.0.0.1:");

      HttpResponse<String> search =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.base() + "api/search?q=uranium"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(search.statusCode()).isEqualTo(200);
      assertThat(search.body()).contains("<mark>uranium</mark>");

      server
          .process()
          .destroy(); // SIGTERM: the shutdown hook stops the server and closes the index
      assertThat(server.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(server.process().exitValue()).isIn(0, 143);
    }
  }

  @Test
  void aBusyPortIsSaidAndTheServerExitsWithoutWaitingForItsModel() throws Exception {
    Path corpus = SeedCorpus.copyTo(dir);
    try (ServerProcess first = ServerProcess.start(corpus, dir.resolve("index"))) {
      String port = first.base().replaceAll(".*:(\\d+)/$", "$1");
      Process second =
          new ProcessBuilder(ServerProcess.command(corpus, dir.resolve("other-index"), port))
              .redirectErrorStream(true)
              .start();
      String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(second.waitFor(30, TimeUnit.SECONDS)).as(output).isTrue();
      assertThat(second.exitValue()).isEqualTo(1);
      assertThat(output).contains("cannot listen on 127.0.0.1:" + port);
    }
  }

  @Test
  void aRestartOverAnUnchangedCorpusReadsNoFileAndAnEditedOneIsIndexed() throws Exception {
    Path corpus = SeedCorpus.copyTo(dir);
    Path index = dir.resolve("index");
    try (ServerProcess first = ServerProcess.start(corpus, index)) {
      assertThat(first.output()).contains("Indexed 1 document");
      first.kill();
    }
    try (ServerProcess again = ServerProcess.start(corpus, index)) {
      assertThat(again.output()).contains("is up to date").doesNotContain("Indexed");
      assertThat(get(again, "api/search?q=uranium")).contains("<mark>uranium</mark>");
      again.kill();
    }
    SeedCorpus.write(corpus, "commentary/yurts.txt", "Yurts\nYurts on the steppe.\n");
    try (ServerProcess edited = ServerProcess.start(corpus, index)) {
      assertThat(edited.output()).contains("Indexed 2 documents").contains("1 added");
      assertThat(get(edited, "api/search?q=yurts")).contains("<mark>Yurts</mark>");
    }
  }

  private static String get(ServerProcess server, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(server.base() + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
