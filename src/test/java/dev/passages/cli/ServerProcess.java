package dev.passages.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code passages serve} as a child process on loopback, started with this JVM's binary and the
 * test classpath, for tests that stop it the way an operating system does: SIGTERM or SIGKILL. Its
 * output is read on a thread of its own (a full pipe would stall the server) and kept.
 */
final class ServerProcess implements AutoCloseable {

  private static final Pattern SERVING = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");

  /** How long a start may take: a cold JVM, an index update, Jetty. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final CompletableFuture<String> base = new CompletableFuture<>();
  private long startMillis;

  private ServerProcess(Process process) {
    this.process = process;
    Thread.ofPlatform().daemon().name("serve-output").start(this::readOutput);
  }

  /** The command line of {@code passages serve} on {@code port} in a child JVM. */
  static List<String> command(Path corpus, Path index, String port, String... extra) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                // Startup speed over peak speed: the tests start the server 20-odd times.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--port",
                port,
                "--corpus",
                corpus.toString(),
                "--index",
                index.toString()));
    command.addAll(List.of(extra));
    return command;
  }

  /**
   * Starts {@code passages serve --port 0} on {@code corpus} and {@code index} with {@code extra}
   * options and waits until it prints its address.
   */
  static ServerProcess start(Path corpus, Path index, String... extra) throws IOException {
    List<String> command = command(corpus, index, "0", extra);
    long started = System.nanoTime();
    ServerProcess server =
        new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    try {
      server.base.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      server.startMillis = (System.nanoTime() - started) / 1_000_000;
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      server.process.destroyForcibly();
      throw new IllegalStateException(
          "serve did not print its address within " + START_TIMEOUT + "; output:\n" + server.output,
          e);
    }
    return server;
  }

  /** The address it serves at, {@code http://127.0.0.1:PORT/}. */
  String base() {
    return base.join();
  }

  /** How long it took from launch to printing its address. */
  long startMillis() {
    return startMillis;
  }

  Process process() {
    return process;
  }

  /** Everything it printed so far. */
  String output() {
    return output.toString();
  }

  /** SIGKILL: the process ends at once, with no shutdown hook run; waits until it has. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the server survived SIGKILL for 10 s");
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private void readOutput() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        output.append(line).append('\n');
        Matcher matcher = SERVING.matcher(line);
        if (!base.isDone() && matcher.find()) {
          base.complete(matcher.group(1));
        }
      }
    } catch (IOException e) {
      // the process is gone; what it printed is kept
    } finally {
      base.completeExceptionally(
          new UncheckedIOException(new IOException("serve ended before printing its address")));
    }
  }
}
