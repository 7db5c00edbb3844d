package dev.passages.bench;

import dev.passages.index.IndexReport;
import dev.passages.lucene.Indexer;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The benchmark corpora by name, and their indexes: built once with {@link Indexer#rebuild()} into
 * {@code target/bench-index/NAME} and reused by later forks while neither the benchmark jar nor the
 * corpus files changed. JMH forks a JVM per parameter combination, so without this a run would
 * index each corpus eight times over. Each build records its figures in {@code
 * target/bench-corpus-NAME.txt} ({@code key=value} lines: {@code passages}, {@code documents},
 * {@code problems}, {@code index_millis}, {@code index_bytes}, {@code key}), which {@code
 * bench/jmh_to_tsv.py} reads. Paths are relative to the repository root.
 */
final class BenchCorpus {

  /** An index ready to search and what building it took. */
  record Built(
      Path index,
      int documents,
      int passages,
      int problems,
      long indexMillis,
      long indexBytes,
      boolean reused) {}

  private BenchCorpus() {}

  /**
   * The folder of corpus {@code name}: {@code seed} = {@code corpus/}, else {@code
   * bench/corpora/NAME} built by {@code bench/corpus.sh NAME}.
   *
   * @throws IllegalStateException naming the script to run when the folder is missing
   */
  static Path folder(String name) {
    Path folder =
        switch (name) {
          case "seed" -> Path.of("corpus");
          case "kjv", "million" -> Path.of("bench/corpora", name);
          default -> throw new IllegalArgumentException("unknown corpus " + name);
        };
    if (!Files.isDirectory(folder)) {
      throw new IllegalStateException(
          "skipping corpus "
              + name
              + ": "
              + folder.toAbsolutePath()
              + " is missing; build it with bench/corpus.sh "
              + name
              + " and run from the repository root");
    }
    return folder;
  }

  /** The index of corpus {@code name} in {@code folder}: the one already built, or a new one. */
  static Built index(String name, Path folder) throws IOException {
    Path index = Path.of("target/bench-index", name);
    Path record = Path.of("target", "bench-corpus-" + name + ".txt");
    String key = key(folder);
    Properties saved = new Properties();
    if (key != null && Files.isRegularFile(record) && Files.isDirectory(index)) {
      try (Reader in = Files.newBufferedReader(record, StandardCharsets.UTF_8)) {
        saved.load(in);
      }
      if (key.equals(saved.getProperty("key"))) {
        return new Built(
            index,
            Integer.parseInt(saved.getProperty("documents")),
            Integer.parseInt(saved.getProperty("passages")),
            Integer.parseInt(saved.getProperty("problems")),
            Long.parseLong(saved.getProperty("index_millis")),
            sizeOnDisk(index),
            true);
      }
    }
    Files.deleteIfExists(record);
    deleteTree(index);
    Files.createDirectories(index);
    IndexReport report = new Indexer(folder, index).rebuild();
    if (report.passages() == 0) {
      throw new IllegalStateException(
          "corpus "
              + name
              + ": "
              + folder
              + " holds no passages to search ("
              + report.problems()
              + ")");
    }
    Built built =
        new Built(
            index,
            report.documents().size(),
            report.passages(),
            report.problems().size(),
            report.millis(),
            sizeOnDisk(index),
            false);
    Properties figures = new Properties();
    figures.setProperty("corpus", name);
    figures.setProperty("folder", folder.toString());
    figures.setProperty("documents", String.valueOf(built.documents()));
    figures.setProperty("passages", String.valueOf(built.passages()));
    figures.setProperty("problems", String.valueOf(built.problems()));
    figures.setProperty("index_millis", String.valueOf(built.indexMillis()));
    figures.setProperty("index_bytes", String.valueOf(built.indexBytes()));
    figures.setProperty("key", key == null ? "" : key);
    try (Writer out = Files.newBufferedWriter(record, StandardCharsets.UTF_8)) {
      figures.store(out, "written by SearchBenchmark's set-up");
    }
    return built;
  }

  /**
   * What the index depends on: the benchmark jar (size, time) and every corpus file (path, size,
   * time), hashed; null (never reuse) when the classes do not come from a jar.
   */
  private static String key(Path folder) throws IOException {
    Path jar;
    try {
      jar = Path.of(BenchCorpus.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
    if (!Files.isRegularFile(jar)) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    appendFile(text, jar.toAbsolutePath().toString(), jar);
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        appendFile(text, folder.relativize(file).toString(), file);
      }
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void appendFile(StringBuilder text, String name, Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    text.append(name)
        .append('\t')
        .append(attributes.size())
        .append('\t')
        .append(attributes.lastModifiedTime().toMillis())
        .append('\n');
  }

  /** Bytes of the regular files under {@code folder}. */
  static long sizeOnDisk(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    }
  }

  /** Deletes {@code folder} and everything under it, if it exists. */
  static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        Files.delete(p);
      }
    }
  }

  /** {@code bytes} in MiB (2^20 bytes), for printing. */
  static double mebibytes(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
