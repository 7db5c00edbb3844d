package dev.passages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code passages serve} as a real child process: indexes, listens on loopback, stops on TERM. */
class ServeProcessTest {

  private static final Pattern SERVING = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");

  @TempDir Path dir;

  @Test
  void serveIndexesTheCorpusAndAnswersOnLoopbackUntilTerminated() throws Exception {
    Path corpus = SeedCorpus.copyTo(dir);
    String java = ProcessHandle.current().info().command().orElse("java");
    Process server =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "serve",
                    "--port",
                    "0",
                    "--corpus",
                    corpus.toString(),
                    "--index",
                    dir.resolve("index").toString()))
            .redirectErrorStream(true)
            .start();
    try (BufferedReader output =
        new BufferedReader(
            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder seen = new StringBuilder();
      String base = null;
      for (String line; base == null && (line = output.readLine()) != null; ) {
        seen.append(line).append('\n');
        Matcher matcher = SERVING.matcher(line);
        if (matcher.find()) {
          base = matcher.group(1);
        }
      }
      assertThat(seen.toString()).contains("Indexed 1 document, 15 passages");
      assertThat(base).as("serve printed its address; output was:%n%s", seen).isNotNull();

      HttpResponse<String> search =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "api/search?q=uranium")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(search.statusCode()).isEqualTo(200);
      assertThat(search.body()).contains("<mark>uranium</mark>");

      server.destroy(); // SIGTERM: the shutdown hook stops the server and closes the index
      assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).isIn(0, 143);
    } finally {
      server.destroyForcibly();
    }
  }
}
