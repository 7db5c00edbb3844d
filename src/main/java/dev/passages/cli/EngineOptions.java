package dev.passages.cli;

import dev.passages.opensearch.Cluster;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Which engine holds the index: the embedded Lucene index in {@code --index} (the default), or an
 * index on an OpenSearch cluster. Shared by index, search and serve.
 */
final class EngineOptions {

  /** The engines. */
  enum Engine {
    lucene,
    opensearch
  }

  Engine engine = Engine.lucene;

  List<URI> nodes = List.of();

  String indexName = "passages";

  int shards = 1;

  int replicas = 1;

  /** The options, added to {@code spec} as a mixin's would be. */
  EngineOptions(CommandSpec spec) {
    spec.addOption(
        Options.option("--engine", Engine.class, () -> engine, value -> engine = value)
            .defaultValue("lucene")
            .paramLabel("lucene|opensearch")
            .description(
                "Where the index lives: lucene, in the --index folder (default), or opensearch, on"
                    + " the cluster given by --opensearch.")
            .build());
    spec.addOption(
        Options.<List<URI>>option("--opensearch", List.class, () -> nodes, value -> nodes = value)
            .auxiliaryTypes(URI.class)
            .paramLabel("URLS")
            .splitRegex(",")
            .description(
                "The cluster's nodes, comma-separated (http://h1:9200,http://h2:9200); credentials"
                    + " from PASSAGES_OPENSEARCH_USER and PASSAGES_OPENSEARCH_PASSWORD.")
            .build());
    spec.addOption(
        Options.option("--opensearch-index", String.class, () -> indexName, v -> indexName = v)
            .paramLabel("NAME")
            .defaultValue("passages")
            .description("The index on the cluster (default: ${DEFAULT-VALUE}).")
            .build());
    spec.addOption(
        Options.option("--opensearch-shards", int.class, () -> shards, value -> shards = value)
            .paramLabel("N")
            .defaultValue("1")
            .description(
                "Primary shards of a new index on the cluster (default: ${DEFAULT-VALUE}).")
            .build());
    spec.addOption(
        Options.option("--opensearch-replicas", int.class, () -> replicas, v -> replicas = v)
            .paramLabel("N")
            .defaultValue("1")
            .description("Copies of each shard on other nodes (default: ${DEFAULT-VALUE}).")
            .build());
  }

  /** OpenSearch's rule for index names, less what would surprise (upper case, leading signs). */
  private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,199}");

  boolean onCluster() {
    return engine == Engine.opensearch;
  }

  /** What is wrong with the options, or null. */
  String problem() {
    if (!onCluster()) {
      return nodes.isEmpty() ? null : "--opensearch needs --engine opensearch";
    }
    if (nodes.isEmpty()) {
      return "--engine opensearch needs --opensearch URLS (http://host:9200,...)";
    }
    for (URI node : nodes) {
      if (!("http".equals(node.getScheme()) || "https".equals(node.getScheme()))
          || node.getHost() == null) {
        return "--opensearch takes http:// or https:// URLs, got '" + node + "'";
      }
      if (node.getUserInfo() != null) {
        return "--opensearch URLs must not hold credentials: set "
            + Cluster.USER_VARIABLE
            + " and "
            + Cluster.PASSWORD_VARIABLE;
      }
    }
    if (!INDEX_NAME.matcher(indexName).matches()) {
      return "--opensearch-index must be lower-case letters, digits, '_', '-' or '.', got '"
          + indexName
          + "'";
    }
    if (shards < 1 || shards > 1_024 || replicas < 0 || replicas > 16) {
      return "--opensearch-shards must be 1 to 1024 and --opensearch-replicas 0 to 16";
    }
    return null;
  }

  Cluster connect() {
    return Cluster.connect(nodes, System.getenv());
  }

  /** Where the index is, for messages. */
  String where() {
    return "OpenSearch index '"
        + indexName
        + "' at "
        + String.join(",", nodes.stream().map(URI::toString).toList());
  }
}
