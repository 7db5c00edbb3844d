package dev.passages.e2e;

import dev.passages.SeedCorpus;
import dev.passages.index.Indexer;
import dev.passages.search.LucenePassageSearch;
import dev.passages.web.WebServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;

/** A real Passages server on a free port over the seed article and a little commentary. */
final class UiServer implements AutoCloseable {

  private final LucenePassageSearch search;
  private final Javalin app;

  UiServer(Path dir) throws IOException {
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
    new Indexer(corpus, dir.resolve("index")).rebuild();
    search = LucenePassageSearch.open(dir.resolve("index"));
    app = WebServer.create(search).start("127.0.0.1", 0);
  }

  String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  @Override
  public void close() throws IOException {
    app.stop();
    search.close();
  }
}
