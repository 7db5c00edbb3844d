package dev.passages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way, along the data's path: corpus → analysis → embedding → index → search
 * → lucene → opensearch → comments → web → cli, where index and search are engine-neutral (no
 * Lucene, no engine client), lucene is the embedded engine behind their interfaces, and opensearch
 * the cluster engine, which marks its pages with lucene's highlighter. Checked by reading the
 * imports of the main sources.
 */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src", "main", "java", "dev", "passages");

  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);

  /** The project packages each package may import; itself is always allowed. */
  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "corpus", Set.of(),
          "analysis", Set.of(),
          "embedding", Set.of(),
          "index", Set.of("corpus", "embedding"),
          "search", Set.of("corpus", "analysis", "embedding"),
          "lucene", Set.of("corpus", "analysis", "embedding", "index", "search"),
          "opensearch", Set.of("corpus", "analysis", "embedding", "index", "search", "lucene"),
          "comments", Set.of("corpus", "index", "search"),
          "web", Set.of("corpus", "search", "comments"),
          "cli",
              Set.of(
                  "corpus",
                  "analysis",
                  "embedding",
                  "index",
                  "search",
                  "lucene",
                  "opensearch",
                  "comments",
                  "web"));

  /**
   * Outside libraries each package may import, beyond the JDK. The neutral layers import none: no
   * engine type can reach a signature of the search boundary.
   */
  private static final Map<String, Set<String>> LIBRARIES =
      Map.of(
          "corpus", Set.of("org.commonmark.", "org.jsoup."),
          "analysis", Set.of("org.apache.lucene."),
          "embedding", Set.of("ai.onnxruntime.", "com.fasterxml.jackson."),
          "index", Set.of(),
          "search", Set.of(),
          "lucene", Set.of("org.apache.lucene."),
          // The official client and its HTTP transport; Lucene for the queries it puts in the DSL.
          "opensearch",
              Set.of(
                  "org.opensearch.client.",
                  "org.apache.hc.",
                  "com.fasterxml.jackson.",
                  "org.apache.lucene."),
          "comments", Set.of(),
          "web",
              Set.of(
                  "io.javalin.",
                  "org.eclipse.jetty.",
                  "com.fasterxml.jackson.",
                  "org.slf4j.",
                  "com.github.luben.zstd.",
                  "com.aayushatharva.brotli4j."),
          // sun.misc.Signal: to stop cleanly before ONNX Runtime's own shutdown hook (cli.Signals);
          // zstd: the training run reads answers as a browser does.
          "cli", Set.of("picocli.", "io.javalin.", "sun.misc.Signal", "com.github.luben.zstd."));

  @Test
  void dependenciesPointOneWay() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String pkg = MAIN.relativize(file).getName(0).toString();
        if (!ALLOWED.containsKey(pkg)) {
          violations.add(file + " is in a package the architecture does not name");
          continue;
        }
        Matcher imports = IMPORT.matcher(Files.readString(file));
        while (imports.find()) {
          String imported = imports.group(1);
          if (!allowed(pkg, imported)) {
            violations.add(file.getFileName() + " (" + pkg + ") imports " + imported);
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void theCheckSeesEveryPackage() throws IOException {
    try (Stream<Path> dirs = Files.list(MAIN)) {
      assertThat(dirs.map(d -> d.getFileName().toString()).toList())
          .containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }
  }

  private static boolean allowed(String pkg, String imported) {
    if (imported.startsWith("dev.passages.")) {
      String target = imported.substring("dev.passages.".length()).split("\\.")[0];
      return target.equals(pkg) || ALLOWED.get(pkg).contains(target);
    }
    if (imported.startsWith("java.")) {
      return true;
    }
    return LIBRARIES.get(pkg).stream().anyMatch(imported::startsWith);
  }
}
