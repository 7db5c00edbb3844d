import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.opensearch.Version;
import org.opensearch.analysis.common.CommonAnalysisModulePlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * A local OpenSearch cluster of N nodes in this one JVM, on 127.0.0.1, with its data under a
 * folder: what the tests and bench/opensearch-cluster.sh start. Prints each node's HTTP URL,
 * comma-separated, as the last line once the cluster is green, then reads commands on standard
 * input: {@code stop N} closes node N (1-based), {@code start N} starts it again, {@code quit} (or
 * the end of input, as when the parent process dies) closes every node and exits.
 *
 * <pre>java -cp $(cat target/classpath.txt) TestCluster.java DATA_DIR [NODES]</pre>
 */
public final class TestCluster {

  /** A node started from the classpath's plugins, without the launcher's checks (it refuses root). */
  static final class LocalNode extends Node {
    LocalNode(Settings settings) {
      super(
          InternalSettingsPreparer.prepareEnvironment(
              settings, Collections.emptyMap(), null, () -> settings.get("node.name")),
          List.of(plugin(Netty4ModulePlugin.class), plugin(CommonAnalysisModulePlugin.class)),
          true);
    }

    private static PluginInfo plugin(Class<?> type) {
      return new PluginInfo(
          type.getName(),
          "classpath plugin",
          "NA",
          Version.CURRENT,
          "21",
          type.getName(),
          List.of(),
          false);
    }
  }

  private final Path data;
  private final List<Settings> settings = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();
  private final List<Integer> httpPorts = new ArrayList<>();

  private TestCluster(Path data, int count) throws IOException {
    this.data = data;
    List<Integer> transportPorts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      httpPorts.add(freePort());
      transportPorts.add(freePort());
    }
    List<String> seeds = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      seeds.add("127.0.0.1:" + transportPorts.get(i));
      names.add("node-" + (i + 1));
    }
    for (int i = 0; i < count; i++) {
      Path home = Files.createDirectories(data.resolve(names.get(i)));
      settings.add(
          Settings.builder()
              .put("cluster.name", "passages-test")
              .put("node.name", names.get(i))
              .put("path.home", home.toString())
              .put("path.data", home.resolve("data").toString())
              .put("path.logs", home.resolve("logs").toString())
              .put("network.host", "127.0.0.1")
              .put("http.port", httpPorts.get(i))
              .put("transport.port", transportPorts.get(i))
              .putList("discovery.seed_hosts", seeds)
              .putList("cluster.initial_cluster_manager_nodes", names)
              // A test machine's disk may be nearly full; shards are placed all the same.
              .put("cluster.routing.allocation.disk.threshold_enabled", false)
              .put("bootstrap.memory_lock", false)
              .build());
      nodes.add(null);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void start(int i) throws Exception {
    Node node = new LocalNode(settings.get(i));
    node.start();
    nodes.set(i, node);
  }

  private void stop(int i) throws IOException {
    Node node = nodes.get(i);
    if (node != null) {
      node.close();
      nodes.set(i, null);
    }
  }

  private String urls() {
    StringJoiner urls = new StringJoiner(",");
    httpPorts.forEach(p -> urls.add("http://127.0.0.1:" + p));
    return urls.toString();
  }

  private void awaitGreen(Duration limit) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + httpPorts.getFirst()
                        + "/_cluster/health?wait_for_status=green&timeout="
                        + limit.toSeconds()
                        + "s"))
            .timeout(limit.plusSeconds(5))
            .build();
    String body = http.send(health, HttpResponse.BodyHandlers.ofString()).body();
    if (!body.contains("\"status\":\"green\"")) {
      throw new IllegalStateException("the cluster is not green: " + body);
    }
  }

  public static void main(String[] args) throws Exception {
    Configurator.setRootLevel(Level.WARN);
    // Nodes in one JVM, started at once: each would set Netty's processor count, and the second
    // to do so fails ("availableProcessors is already set"). OpenSearch's own test clusters do this.
    System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
    Path data = Path.of(args[0]).toAbsolutePath();
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    TestCluster cluster = new TestCluster(data, count);
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::closeAll));
    long start = System.nanoTime();
    List<Thread> starting = new ArrayList<>();
    List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < count; i++) {
      int n = i;
      starting.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      cluster.start(n);
                    } catch (Exception e) {
                      failures.add(e);
                    }
                  }));
    }
    for (Thread thread : starting) {
      thread.join();
    }
    try {
      if (!failures.isEmpty()) {
        throw failures.getFirst();
      }
      cluster.awaitGreen(Duration.ofSeconds(60));
    } catch (Exception e) {
      // The nodes' threads would keep this JVM alive: whoever waits for "green" learns at once.
      System.out.println("the cluster did not start: " + e);
      e.printStackTrace(System.out);
      System.out.flush();
      System.exit(1);
    }
    System.out.printf(
        "cluster of %d nodes green in %.1f s, data in %s%n",
        count, (System.nanoTime() - start) / 1e9, data);
    System.out.println(cluster.urls());
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] command = line.strip().split("\\s+");
      try {
        switch (command[0]) {
          case "stop" -> cluster.stop(Integer.parseInt(command[1]) - 1);
          case "start" -> cluster.start(Integer.parseInt(command[1]) - 1);
          case "quit" -> {
            cluster.closeAll();
            System.exit(0);
          }
          default -> {
            System.out.println("unknown command: " + line);
            continue;
          }
        }
        System.out.println("ok " + line.strip());
      } catch (Exception e) {
        System.out.println("failed " + line.strip() + ": " + e);
      }
      System.out.flush();
    }
    cluster.closeAll();
    System.exit(0);
  }

  private synchronized void closeAll() {
    for (int i = 0; i < nodes.size(); i++) {
      try {
        stop(i);
      } catch (IOException | RuntimeException e) {
        System.err.println("could not stop node " + (i + 1) + ": " + e.getMessage());
      }
    }
  }
}
