package dev.passages.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads every document under a corpus folder. A file that cannot be read is reported as a {@link
 * Skip} and the others are still read: one bad file never stops the rest.
 */
public final class CorpusReader {

  /** Files larger than this are skipped rather than read into memory. */
  public static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

  /** How much of a file is looked at to tell binary from text (what git and grep do too). */
  private static final int BINARY_PROBE_BYTES = 8 * 1024;

  private final Path root;

  public CorpusReader(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * A corpus file to read, and the id of the document it holds.
   *
   * @param bytes its size when listed, which lets progress be told in bytes: files differ in size
   */
  public record CorpusFile(Path path, String relative, String id, long bytes) {}

  /** Reads and parses every supported file, one after the other. */
  public CorpusScan scan() {
    // Taken before reading: a file written during the scan then makes the next check see a
    // change, rather than an index that lacks the file looking up to date.
    String fingerprint = fingerprint();
    List<SourceDocument> documents = new ArrayList<>();
    List<Skip> problems = new ArrayList<>();
    for (CorpusFile file : list(problems)) {
      read(file, problems).ifPresent(documents::add);
    }
    documents.sort(Comparator.comparing(SourceDocument::id));
    return new CorpusScan(documents, problems, fingerprint);
  }

  /**
   * The files to read, sorted by path: each supported file whose id no earlier file took. Files in
   * other formats, and a second file with the same id ({@code op.md} beside {@code op.html}), are
   * reported in {@code problems} and left out, so the files can be read in any order.
   */
  public List<CorpusFile> list(List<Skip> problems) {
    List<CorpusFile> files = new ArrayList<>();
    Map<String, String> pathOfId = new HashMap<>();
    for (Path file : files(problems)) {
      String path = relative(file);
      if (!DocumentParsers.supports(extension(path))) {
        problems.add(new Skip(path, "unsupported format (.txt, .md and .html are indexed)", false));
        continue;
      }
      String id = idOf(path);
      String earlier = pathOfId.putIfAbsent(id, path);
      if (earlier != null) {
        problems.add(
            new Skip(
                path,
                "same document id as " + earlier + " (ids drop the extension); rename one",
                false));
        continue;
      }
      long bytes;
      try {
        bytes = Files.size(file);
      } catch (IOException e) {
        bytes = 0; // reading it will say what is wrong
      }
      files.add(new CorpusFile(file, path, id, bytes));
    }
    return files;
  }

  /**
   * The document in {@code file}; empty, with the reason added to {@code problems}, when it cannot
   * be indexed. Safe to call from several threads with a synchronized {@code problems}.
   */
  public Optional<SourceDocument> read(CorpusFile file, List<Skip> problems) {
    return read(file.path(), problems);
  }

  /**
   * A digest of every file's path, size, modification time and readability. It changes when a file
   * is added, removed, edited or touched, which is what decides whether an index is out of date;
   * comparing it costs one directory walk, not a read of every file.
   */
  public String fingerprint() {
    MessageDigest digest = sha256();
    for (Path file : files(new ArrayList<>())) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        // Whether it can be read too: a file made readable (chmod) keeps its size and time, and
        // must not stay out of an index that a matching fingerprint would call up to date.
        String line =
            relative(file)
                + "\t"
                + attributes.size()
                + "\t"
                + attributes.lastModifiedTime()
                + "\t"
                + Files.isReadable(file)
                + "\n";
        digest.update(line.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        digest.update((relative(file) + "\tunreadable\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Regular files under the root, sorted by path. Hidden files and folders are left out; links to
   * folders are not followed; a folder that cannot be listed is reported and passed over.
   */
  private List<Path> files(List<Skip> problems) {
    if (!Files.isDirectory(root)) {
      throw new UncheckedIOException(new IOException("corpus folder not found: " + root));
    }
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
              return !dir.equals(root) && isHidden(dir)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (!isHidden(file) && !isCorpusReadme(file) && Files.isRegularFile(file)) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              problems.add(new Skip(relative(file), "cannot read: " + e, false));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException("cannot list corpus folder " + root, e));
    }
    files.sort(null);
    return files;
  }

  /**
   * Reads the one file at {@code relativePath} ({@code /}-separated); empty when it is gone or
   * cannot be indexed, with the reason in {@code problems}.
   *
   * @throws IllegalArgumentException when the path leads out of the corpus
   */
  public Optional<SourceDocument> readFile(String relativePath, List<Skip> problems) {
    Path file = root.resolve(relativePath).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new IllegalArgumentException(relativePath + " is not a file in the corpus");
    }
    return Files.isRegularFile(file) ? read(file, problems) : Optional.empty();
  }

  /** The document id of the file at {@code relativePath}: the path without its extension. */
  public static String idOf(String relativePath) {
    String extension = extension(relativePath);
    return extension.isEmpty()
        ? relativePath
        : relativePath.substring(0, relativePath.length() - extension.length() - 1);
  }

  private Optional<SourceDocument> read(Path file, List<Skip> problems) {
    String path = relative(file);
    String extension = extension(path);
    if (!DocumentParsers.supports(extension)) {
      problems.add(new Skip(path, "unsupported format (.txt, .md and .html are indexed)", false));
      return Optional.empty();
    }
    try {
      if (!file.toRealPath().startsWith(root.toRealPath())) {
        problems.add(new Skip(path, "link points outside the corpus folder", false));
        return Optional.empty();
      }
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        problems.add(
            new Skip(path, "file is " + size + " bytes; the limit is " + MAX_FILE_BYTES, false));
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      if (isBinary(bytes)) {
        problems.add(new Skip(path, "binary file, not text", false));
        return Optional.empty();
      }
      String text = decode(bytes, path, problems);
      String id = path.substring(0, path.length() - extension.length() - 1);
      Optional<SourceDocument> document =
          DocumentParsers.parse(id, Source.ofPath(path), extension, text);
      if (document.isEmpty()) {
        problems.add(new Skip(path, "file has no text", false));
      }
      return document;
    } catch (IOException | UncheckedIOException e) {
      problems.add(new Skip(path, "cannot read file: " + e.getMessage(), false));
      return Optional.empty();
    }
  }

  /**
   * Whether the file starts like a binary one: text never holds a NUL byte, and the first {@value
   * #BINARY_PROBE_BYTES} bytes are where file formats put their headers.
   */
  private static boolean isBinary(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE_BYTES); i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** UTF-8, without a byte order mark; invalid bytes become U+FFFD and earn a warning. */
  private static String decode(byte[] bytes, String path, List<Skip> problems) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      problems.add(new Skip(path, "not valid UTF-8; invalid bytes replaced with U+FFFD", true));
      text = new String(bytes, StandardCharsets.UTF_8);
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private String relative(Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  /** The corpus's own README tells people how to add texts; it is not one of them. */
  private boolean isCorpusReadme(Path file) {
    return file.getParent().equals(root)
        && file.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("readme.");
  }

  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static String extension(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash + 1 ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
