package dev.passages.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passages.SeedCorpus;
import dev.passages.search.PassageSearch;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server against requests crafted to hurt it, sent as raw bytes so that no client tidies them
 * first: size limits answer with clear statuses, nothing outside the web folder is served, nothing
 * is reflected, and every answer carries the security headers.
 */
class HttpHardeningTest {

  @TempDir static Path dir;

  static PassageSearch search;
  static Javalin app;

  @BeforeAll
  static void start() throws IOException {
    search = SeedCorpus.indexed(SeedCorpus.copyTo(dir), dir);
    app = WebServer.create(search).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() throws IOException {
    app.stop();
    search.close();
  }

  @Test
  void anOverlongUrlIs414() throws IOException {
    String response =
        raw("GET /api/search?q=" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 414").contains("{\"error\":\"the URL is too long\"}");
    assertSecurityHeaders(response);
  }

  @Test
  void overlargeHeadersAre431() throws IOException {
    String response =
        raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(70_000) + "\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 431").contains("the request headers are too large");
    assertSecurityHeaders(response);
  }

  @Test
  void anOverlargeBodyIs413() throws IOException {
    String body = "x".repeat(100_000);
    String response =
        raw(
            "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length()
                + "\r\nConnection: close\r\n\r\n"
                + body);
    assertThat(response).matches("(?s)HTTP/1.1 (413|404|405).*");
    assertThat(response).doesNotContain("Exception").doesNotContain("at dev.passages");
  }

  @ParameterizedTest(name = "GET {0} serves nothing from outside the web folder")
  @ValueSource(
      strings = {
        "/../pom.xml", "/%2e%2e/pom.xml", "/%2e%2e%2fpom.xml", "/..%2fpom.xml",
            "/web/../../pom.xml",
        "//etc/passwd", "/%2Fetc%2Fpasswd", "/file:///etc/passwd", "/web/", "/dev/passages/",
        "/index.html/..", "/..;/pom.xml", "/%00", "/doc/..%2f..%2fpom.xml"
      })
  void pathsOutsideTheWebFolderAreUnreachable(String path) throws IOException {
    String response = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(response).matches("(?s)HTTP/1.1 (400|404).*");
    assertThat(response)
        .doesNotContain("<project")
        .doesNotContain("root:")
        .doesNotContain("Index of")
        .doesNotContain("Directory:");
    assertSecurityHeaders(response);
  }

  @Test
  void traceAndOptionsReflectNothingAndCorsIsOff() throws IOException {
    String trace =
        raw(
            "TRACE /health HTTP/1.1\r\nHost: x\r\nX-Secret: reflect-me\r\nConnection: close\r\n\r\n");
    assertThat(trace).doesNotContain("reflect-me").doesNotStartWith("HTTP/1.1 200");
    String options =
        raw(
            "OPTIONS /api/search HTTP/1.1\r\nHost: x\r\nOrigin: http://evil.example\r\n"
                + "Access-Control-Request-Method: GET\r\nConnection: close\r\n\r\n");
    assertThat(options.toLowerCase()).doesNotContain("access-control-allow");
    String get =
        raw(
            "GET /api/search?q=uranium HTTP/1.1\r\nHost: x\r\nOrigin: http://evil.example\r\n"
                + "Connection: close\r\n\r\n");
    assertThat(get).startsWith("HTTP/1.1 200");
    assertThat(get.toLowerCase()).doesNotContain("access-control-allow");
  }

  @Test
  void malformedRequestsGetAClearAnswer() throws IOException {
    assertThat(raw("GARBAGE\r\n\r\n")).startsWith("HTTP/1.1 400");
    String badEncoding =
        raw("GET /api/search?q=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertThat(badEncoding).matches("(?s)HTTP/1.1 (200|400).*").doesNotContain("Exception");
  }

  private static void assertSecurityHeaders(String response) {
    assertThat(response)
        .contains("X-Content-Type-Options: nosniff")
        .contains("Referrer-Policy: no-referrer")
        .contains("Content-Security-Policy: default-src 'self'");
  }

  /** Sends {@code request} as it is and returns everything the server answers. */
  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException e) {
        // the server may close early on an oversized request; read what it said
      }
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
