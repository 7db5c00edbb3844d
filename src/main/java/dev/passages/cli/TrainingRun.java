package dev.passages.cli;

import com.github.luben.zstd.ZstdInputStream;
import dev.passages.web.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A short session of a reader, for the JVM to learn from: the launcher records the JVM's AOT cache
 * (the classes loaded and linked, the call sites linked) from {@code passages serve
 * --training-run}, so that a real start finds them ready instead of reading them from the jar.
 *
 * <p>It asks what a browser asks, over HTTP on loopback with gzip accepted: the pages and their
 * files, every kind of search (words, two words, a phrase, a prefix, a typo, a question, a pasted
 * paragraph, a filter, a bad query), completions, documents and related passages. The queries come
 * from the served text itself, so they find something in any corpus.
 */
final class TrainingRun {

  /**
   * How much of the corpus a training run indexes: enough text for every kind of search, and few
   * enough passages (every one is embedded before the session starts) for a run of seconds.
   */
  static final long SAMPLE_BYTES = 64 * 1024;

  /**
   * Rounds over the workload. The cache keeps the classes loaded and the call sites linked, not
   * method profiles (the launcher records it without them), so each kind of request needs going
   * only a few times, in zstd and gzip both.
   */
  static final int ROUNDS = 4;

  private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");

  private final int port;
  private int requests;

  private TrainingRun(int port) {
    this.port = port;
  }

  /**
   * Copies files of {@code corpus} to {@code into}, keeping their places: in path order, each that
   * fits in what is left of {@link #SAMPLE_BYTES} (the smallest file when none fits), so that a
   * training run over a large corpus stays short.
   */
  static void sampleCorpus(Path corpus, Path into) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(path -> !corpus.relativize(path).toString().startsWith("."))
              .sorted()
              .toList();
    }
    long total = 0;
    Path smallest = null;
    for (Path file : files) {
      long size = Files.size(file);
      if (total + size <= SAMPLE_BYTES) {
        copy(corpus, file, into);
        total += size;
      }
      if (smallest == null || size < Files.size(smallest)) {
        smallest = file;
      }
    }
    if (total == 0 && smallest != null) {
      copy(corpus, smallest, into);
    }
  }

  private static void copy(Path corpus, Path file, Path into) throws IOException {
    Path target = into.resolve(corpus.relativize(file).toString());
    Files.createDirectories(target.getParent());
    Files.copy(file, target);
  }

  /** Runs the session against the server on {@code port} of 127.0.0.1; returns requests sent. */
  static int against(int port) throws IOException {
    TrainingRun run = new TrainingRun(port);
    List<String> ids = new ArrayList<>();
    for (Listed document : run.json("/api/documents", Listed[].class)) {
      ids.add(document.id());
    }
    List<String> words = new ArrayList<>();
    List<String> paragraphs = new ArrayList<>();
    for (String id : ids.subList(0, Math.min(3, ids.size()))) {
      for (Listed passage : run.json("/api/documents/" + path(id), Document.class).passages()) {
        String text = passage.text();
        paragraphs.add(text);
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
          words.add(matcher.group());
        }
      }
    }
    if (words.size() < 10 || ids.isEmpty()) {
      return run.requests; // nothing to search: the start-up path alone is learnt
    }
    for (int round = 0; round < ROUNDS; round++) {
      String doc = ids.get(round % ids.size());
      String a = words.get((round * 7) % words.size());
      String b = words.get((round * 7 + 3) % words.size());
      int at = (round * 11) % (words.size() - 1);
      for (String query :
          List.of(
              a,
              a + " " + b,
              '"' + words.get(at) + " " + words.get(at + 1) + '"',
              a.substring(0, 3) + "*",
              typo(b),
              "What does the text say about "
                  + a.toLowerCase(Locale.ROOT)
                  + " and "
                  + b.toLowerCase(Locale.ROOT)
                  + "?",
              paragraphs.get(round % paragraphs.size()),
              a + " -" + b,
              a + " OR " + b,
              "\"" + a + " (")) {
        run.get("/api/search?q=" + encode(query));
      }
      run.get("/api/search?q=" + encode(a) + "&offset=10");
      run.get("/api/search?q=" + encode(b) + "&doc=" + encode(doc));
      run.get("/api/search?q=" + encode(a) + "&source=commentary");
      run.get("/api/suggest?q=" + encode(a.substring(0, Math.min(a.length(), 2 + round % 3))));
      run.get("/api/documents/" + path(doc));
      run.get("/api/documents/" + path(doc) + "/related");
      run.get("/api/documents/" + path(doc) + "/paragraphs/1/related");
      if (round % 10 == 0) {
        for (String page :
            List.of("/", "/doc/" + path(doc), "/app.css", "/search.js", "/api.js", "/health")) {
          run.get(page);
        }
      }
    }
    return run.requests;
  }

  /** {@code word} with two letters swapped, as typed in a hurry. */
  private static String typo(String word) {
    char[] letters = word.toCharArray();
    char first = letters[1];
    letters[1] = letters[2];
    letters[2] = first;
    return new String(letters);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** A document id in a path: each segment encoded, the slashes kept. */
  private static String path(String id) {
    return encode(id).replace("%2F", "/").replace("+", "%20");
  }

  /** What the run reads of a listed document or of a passage: the API sends more. */
  private record Listed(String id, String text) {}

  /** What the run reads of a document. */
  private record Document(List<Listed> passages) {}

  private <T> T json(String target, Class<T> type) throws IOException {
    return Json.mapper().readValue(get(target), type);
  }

  /**
   * One GET in HTTP/1.0, so that the answer is never chunked and the connection closes after it;
   * the body, decompressed. Every other request takes zstd as browsers but Safari do, the rest
   * gzip, so both are trained. The status does not matter here: a bad query's 400 is part of the
   * run.
   */
  private byte[] get(String target) throws IOException {
    requests++;
    String accepted = requests % 2 == 0 ? "gzip, deflate, br, zstd" : "gzip";
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + target
                  + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept-Encoding: "
                  + accepted
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] response = socket.getInputStream().readAllBytes();
      int end = headerEnd(response);
      String head =
          new String(response, 0, end, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
      InputStream body = new ByteArrayInputStream(response, end, response.length - end);
      if (head.contains("\ncontent-encoding: gzip")) {
        body = new GZIPInputStream(body);
      } else if (head.contains("\ncontent-encoding: zstd")) {
        body = new ZstdInputStream(body);
      }
      return body.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("training request " + target + " failed", e);
    }
  }

  private static int headerEnd(byte[] response) {
    for (int i = 3; i < response.length; i++) {
      if (response[i] == '\n' && response[i - 1] == '\r' && response[i - 2] == '\n') {
        return i + 1;
      }
    }
    throw new IllegalStateException("an answer without a header end");
  }
}
