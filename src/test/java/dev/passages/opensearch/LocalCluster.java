package dev.passages.opensearch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real OpenSearch 3.9 cluster of three nodes for the tests: {@code cluster/TestCluster.java} in a
 * child JVM on 127.0.0.1, from Maven Central's jars (resolved once by {@code cluster/pom.xml}, kept
 * apart from the product's classpath: it is on another Lucene). Started once per test run, on first
 * use, with a bounded wait; stopped at the end of the run, also when tests fail, and by the child
 * itself when this JVM dies (its input ends). A test class gets it as a parameter.
 */
public final class LocalCluster implements ParameterResolver {

  /** Nodes of the cluster: with three, losing one keeps a quorum. */
  public static final int NODES = 3;

  private static final long START_SECONDS = 120;

  private static LocalCluster.Running running;

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Running.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    synchronized (LocalCluster.class) {
      if (running == null) {
        running = Running.start();
        // Closed when the whole run ends, whatever its outcome.
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
            .put(LocalCluster.class, (AutoCloseable) running::stop);
      }
      return running;
    }
  }

  /** The running cluster: its nodes' URLs, and nodes stopped and started again on demand. */
  public static final class Running {
    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> lines;
    private final List<URI> nodes;
    private final Path data;

    private Running(
        Process process,
        PrintWriter commands,
        BlockingQueue<String> lines,
        List<URI> nodes,
        Path data) {
      this.process = process;
      this.commands = commands;
      this.lines = lines;
      this.nodes = nodes;
      this.data = data;
    }

    /** Every node's HTTP URL. */
    public List<URI> nodes() {
      return nodes;
    }

    /** A connection to the whole cluster. */
    public Cluster connect() {
      return Cluster.connect(nodes, Map.of());
    }

    /** Stops node {@code n} (1-based) and waits until it has. */
    public void stopNode(int n) {
      command("stop " + n);
    }

    /** Starts node {@code n} again and waits until it has joined. */
    public void startNode(int n) {
      command("start " + n);
    }

    private synchronized void command(String command) {
      commands.println(command);
      commands.flush();
      try {
        for (String line = lines.poll(START_SECONDS, TimeUnit.SECONDS);
            line != null;
            line = lines.poll(START_SECONDS, TimeUnit.SECONDS)) {
          if (line.equals("ok " + command)) {
            return;
          }
          if (line.startsWith("failed " + command)) {
            throw new IllegalStateException(line);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the test cluster did not answer '" + command + "'");
    }

    static Running start() {
      try {
        Path root = Path.of("").toAbsolutePath();
        Path classpath = root.resolve("cluster/target/classpath.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        if (!Files.exists(classpath)
            || Files.getLastModifiedTime(classpath)
                    .compareTo(Files.getLastModifiedTime(root.resolve("cluster/pom.xml")))
                < 0) {
          resolveClasspath(root);
        }
        Path data = Files.createTempDirectory("passages-test-cluster");
        ProcessBuilder builder =
            new ProcessBuilder(
                    java,
                    "-Xmx512m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp",
                    Files.readString(classpath).strip(),
                    root.resolve("cluster/TestCluster.java").toString(),
                    data.toString(),
                    String.valueOf(NODES))
                .redirectErrorStream(true);
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> log = new ArrayList<>();
        Thread reader =
            new Thread(
                () -> {
                  try (BufferedReader out =
                      new BufferedReader(
                          new InputStreamReader(
                              process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                      synchronized (log) {
                        log.add(line);
                      }
                      lines.add(line);
                    }
                  } catch (IOException e) {
                    // the process ended
                  }
                },
                "test-cluster-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        boolean green = false;
        while (System.nanoTime() < deadline && process.isAlive()) {
          String line = lines.poll(1, TimeUnit.SECONDS);
          if (line == null) {
            continue;
          }
          if (line.startsWith("cluster of ")) {
            green = true;
          } else if (green && line.startsWith("http://")) {
            List<URI> nodes = Arrays.stream(line.split(",")).map(URI::create).toList();
            PrintWriter commands =
                new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            return new Running(process, commands, lines, nodes, data);
          }
        }
        process.destroyForcibly();
        String tail;
        synchronized (log) {
          tail = String.join("\n", log.subList(Math.max(0, log.size() - 30), log.size()));
        }
        throw new IllegalStateException(
            "the test cluster was not green within " + START_SECONDS + " s:\n" + tail);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** Resolves OpenSearch's jars with the project's Maven wrapper, once per checkout. */
    private static void resolveClasspath(Path root) throws IOException, InterruptedException {
      ProcessBuilder maven =
          new ProcessBuilder(
                  root.resolve("mvnw").toString(),
                  "-B",
                  "-ntp",
                  "-q",
                  "-f",
                  "cluster/pom.xml",
                  "dependency:build-classpath",
                  "-Dmdep.outputFile=target/classpath.txt")
              .directory(root.toFile())
              .redirectErrorStream(true);
      maven.environment().put("JAVA_HOME", System.getProperty("java.home"));
      Process process = maven.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("could not resolve OpenSearch's jars:\n" + output);
      }
    }

    void stop() {
      commands.println("quit");
      commands.flush();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a temporary folder: the system clears it in the end
      }
    }
  }
}
