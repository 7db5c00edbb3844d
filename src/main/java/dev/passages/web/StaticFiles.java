package dev.passages.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;

/**
 * The UI's pages, scripts, styles and icon: read from the jar once, each kept as it is and gzipped
 * at the highest level, and answered from memory with a strong ETag.
 *
 * <p>Why not Javalin's static files: those mount the whole jar as a zip file system (~20,000
 * entries with the embedding model: ~70 ms of every start) and gzip each answer again per request.
 * A handful of files known at build time need neither.
 */
final class StaticFiles {

  /** One file: its bytes as they are and gzipped, its media type and its ETag. */
  record File(byte[] plain, byte[] gzipped, String contentType, String etag) {}

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml");

  /**
   * Browsers revalidate on each use (the names carry no version), and an unchanged file costs a 304
   * without a body.
   */
  private static final String CACHE_CONTROL = "no-cache";

  /**
   * Files read so far, by name. The jar's files do not change while it runs, so each is read,
   * gzipped and hashed once per process, and {@link WebServer#prepareServer} can do it ahead, on a
   * second core, while the first starts the server (about 50 ms of a start, most of it gzip at
   * level 9 and the first SHA-256).
   */
  private static final ConcurrentHashMap<String, File> READ = new ConcurrentHashMap<>();

  private final Map<String, File> files;

  private StaticFiles(Map<String, File> files) {
    this.files = files;
  }

  /** Reads {@code names} from {@code /web/} in the jar, or takes them as read before. */
  static StaticFiles load(String... names) {
    Map<String, File> files = new LinkedHashMap<>();
    for (String name : names) {
      files.put(name, READ.computeIfAbsent(name, StaticFiles::read));
    }
    return new StaticFiles(Map.copyOf(files));
  }

  private static File read(String name) {
    byte[] plain = resource("/web/" + name);
    String extension = name.substring(name.lastIndexOf('.') + 1);
    String type = TYPES.get(extension);
    if (type == null) {
      throw new IllegalArgumentException("no media type for " + name);
    }
    return new File(plain, gzip(plain), type, etag(plain));
  }

  /** The names served, for routing. */
  Iterable<String> names() {
    return files.keySet();
  }

  /** Answers with the file {@code name}: 200 with its bytes, or 304 when the client has them. */
  void serve(Context ctx, String name) {
    send(ctx, files.get(name), HttpStatus.OK);
  }

  /** The file {@code name}, for handlers that pick a status themselves. */
  File file(String name) {
    return files.get(name);
  }

  /** Sends {@code file} with {@code status}, gzipped when the client takes gzip. */
  static void send(Context ctx, File file, HttpStatus status) {
    ctx.header("Vary", "Accept-Encoding");
    // Only a 200 carries the ETag: Javalin answers 304 to any answer whose ETag the client sent.
    if (status == HttpStatus.OK) {
      ctx.header("ETag", file.etag());
      ctx.header("Cache-Control", CACHE_CONTROL);
      if (matches(ctx.header("If-None-Match"), file.etag())) {
        ctx.status(HttpStatus.NOT_MODIFIED);
        return;
      }
    }
    ctx.status(status).contentType(file.contentType());
    if (GzipBytes.acceptsGzip(ctx.header("Accept-Encoding"))) {
      ctx.header("Content-Encoding", "gzip");
      ctx.result(file.gzipped());
    } else {
      ctx.result(file.plain());
    }
  }

  /** Whether an If-None-Match header names {@code etag} (or is {@code *}). */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] gzip(byte[] plain) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      return GzipBytes.gzip(plain, deflater);
    } finally {
      deflater.end();
    }
  }

  private static String etag(byte[] plain) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain);
      return '"'
          + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
          + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] resource(String path) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
