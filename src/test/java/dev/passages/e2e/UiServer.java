package dev.passages.e2e;

import dev.passages.LiveSearch;
import dev.passages.SeedCorpus;
import dev.passages.web.WebOptions;
import dev.passages.web.WebServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Passages server on a free port over a live index of the seed article, a little commentary
 * and any {@code extra} files, taking comments.
 */
final class UiServer implements AutoCloseable {

  /** Answers kept for repeated searches, as {@code serve} keeps by default. */
  private static final int KEPT_ANSWERS = 256;

  private final LiveSearch live;
  private final Javalin app;

  UiServer(Path dir) throws IOException {
    this(dir, Map.of());
  }

  UiServer(Path dir, Map<String, String> extra) throws IOException {
    this(dir, extra, false);
  }

  /**
   * As {@link #UiServer(Path, Map)}; with {@code meaning}, every passage is embedded and questions
   * are searched by meaning too, as {@code serve} does by default.
   */
  UiServer(Path dir, Map<String, String> extra, boolean meaning) throws IOException {
    Path corpus = SeedCorpus.copyTo(dir);
    SeedCorpus.write(
        corpus,
        "commentary/steppe.txt",
        "Letters from the steppe\n"
            + "Tokayev spoke again today.\n"
            + "A reader pasted <script>alert('x')</script> into the comment box.\n");
    StringBuilder notes = new StringBuilder("Field notes\n");
    for (int i = 1; i <= 25; i++) {
      notes.append("Field note ").append(i).append(" about the grassland.\n");
    }
    SeedCorpus.write(corpus, "commentary/notes.txt", notes.toString());
    extra.forEach((path, text) -> SeedCorpus.write(corpus, path, text));
    live =
        meaning
            ? LiveSearch.withMeaning(corpus, dir.resolve("index"))
            : LiveSearch.open(corpus, dir.resolve("index"), KEPT_ANSWERS);
    app =
        WebServer.create(live.search(), live.comments(), new WebOptions(1000, null))
            .start("127.0.0.1", 0);
  }

  /**
   * A commentary quoting paragraph 5 of the article, in runs cut by an elision: what the document
   * view lists as discussing it.
   */
  static final Map<String, String> QUOTING_COMMENTARY =
      Map.of(
          "commentary/quotes.md",
          "---\ntitle: Quoting the op-ed\n---\n"
              + "The writer reminds us that “Kazakhstan has the world 12th-largest proven oil"
              + " reserves and are 14. for gas” … before turning to uranium.\n");

  String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  @Override
  public void close() throws IOException {
    app.stop();
    live.close();
  }
}
