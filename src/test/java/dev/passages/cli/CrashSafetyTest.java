package dev.passages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.passages.SeedCorpus;
import dev.passages.corpus.FrontMatter;
import dev.passages.corpus.Metadata;
import dev.passages.lucene.LuceneEngine;
import dev.passages.search.DocumentSummary;
import dev.passages.search.Hit;
import dev.passages.search.PassageSearch;
import dev.passages.search.SearchRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code passages serve} stopped the hard way while it works.
 *
 * <p>The SIGKILL loop: a seeded random sequence of rounds, each starting the server, posting
 * comments from several threads while commentary files are added, edited and deleted beside it, and
 * killing the server at a random moment, usually with requests in flight. After each kill the
 * server is started again and must hold what a crash may not break: every comment it acknowledged
 * with 201 is on disk, whole, and found by search as a comment; no temporary file is left behind or
 * indexed; every comment file parses; the documents it lists are exactly the files on disk,
 * including commentary changed while it was down or dying.
 *
 * <p>The SIGTERM test: a burst of posts, SIGTERM in the middle of it; the server finishes what is
 * in flight, exits, and leaves a committed index that holds every acknowledged comment.
 *
 * <p>{@code -Dpassages.crash.seed=N} replays a sequence of decisions; the seed is printed. Thread
 * timing still varies from run to run, which is the point of running it often.
 */
class CrashSafetyTest {

  private static final long SEED = Long.getLong("passages.crash.seed", 20_261_129L);

  private static final int ROUNDS = 20;

  /** Bounds per round, so no loop runs on when the server is slower than expected. */
  private static final int MAX_POSTS_PER_THREAD = 40;

  private static final int MAX_EDITS = 30;

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** The seed article's paragraphs, the ones a comment may answer. */
  private static final int ARTICLE_PARAGRAPHS = 13;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path corpus;
  private Path index;
  private Words words;

  /** Comment id → the comment, for every 201. */
  private final Map<String, Posted> acknowledged = new ConcurrentHashMap<>();

  /** Acknowledged comments that a restart did not find on disk or by search. */
  private final Set<String> lost = ConcurrentHashMap.newKeySet();

  /** Everything else that went wrong, said in full; checked at the end so the summary prints. */
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

  /** A comment the server acknowledged: its id, the word only it holds, its text. */
  record Posted(String id, String word, String text) {
    String doc() {
      return "comments/" + id;
    }
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void killedAtRandomMomentsTheServerLosesNoAcknowledgedCommentAndLeavesNoDebris()
      throws Exception {
    long started = System.nanoTime();
    Random random = new Random(SEED);
    words = new Words(new Random(SEED ^ 0x5eed));
    corpus = SeedCorpus.copyTo(dir);
    index = dir.resolve("index");
    Commentary commentary = new Commentary(corpus);
    commentary.change(random, words);
    commentary.change(random, words);

    int killsInFlight = 0;
    int cutOff = 0;
    int temporariesLeft = 0;
    int planted = 0;
    long startMillis = 0;
    ServerProcess server = ServerProcess.start(corpus, index, "--comments-per-minute", "100000");
    try {
      startMillis += server.startMillis();
      verify(server, List.of(), commentary);
      for (int round = 1; round <= ROUNDS; round++) {
        Round result = runUntilKilled(server, round, random, commentary);
        if (result.inFlightAtKill() > 0) {
          killsInFlight++;
        }
        cutOff += result.cutOff();
        temporariesLeft += temporaries().size();
        if (random.nextBoolean()) {
          plantUnfinishedWrite(random);
          planted++;
        }
        boolean debris = !temporaries().isEmpty();
        if (random.nextInt(3) == 0) { // the corpus also changes while no server runs
          for (int i = random.nextInt(3); i >= 0; i--) {
            commentary.change(random, words);
          }
        }
        server = ServerProcess.start(corpus, index, "--comments-per-minute", "100000");
        startMillis += server.startMillis();
        if (debris && !server.output().contains("unfinished comment file")) {
          violations.add("round " + round + ": the restart did not report removing debris");
        }
        if (server.output().contains("Exception")) {
          violations.add(
              "round " + round + ": the restart logged an exception:\n" + server.output());
        }
        verify(server, result.acknowledged(), commentary);
      }
      verify(server, List.copyOf(acknowledged.values()), commentary); // every one, at the end
    } finally {
      server.close();
    }

    System.out.printf(
        "Crash safety (seed %d): %d rounds, %d comments acknowledged, %d lost, %d kills during"
            + " in-flight requests, %d requests cut off, %d temporary files left by kills and %d"
            + " planted, %d commentary changes; %.1f s, %.1f s of it starting servers%n",
        SEED,
        ROUNDS,
        acknowledged.size(),
        lost.size(),
        killsInFlight,
        cutOff,
        temporariesLeft,
        planted,
        commentary.changes,
        (System.nanoTime() - started) / 1e9,
        startMillis / 1e3);
    assertThat(lost).as("acknowledged comments lost").isEmpty();
    assertThat(violations).isEmpty();
    assertThat(acknowledged).as("comments acknowledged").hasSizeGreaterThan(ROUNDS);
    assertThat(killsInFlight).as("kills with requests in flight").isGreaterThan(ROUNDS / 2);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void sigtermFinishesTheCommentsInFlightAndLeavesACommittedIndex() throws Exception {
    corpus = SeedCorpus.copyTo(dir);
    index = dir.resolve("index");
    words = new Words(new Random(SEED));
    int burst = 24;
    List<Posted> posted = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger answeredAfterTerm = new AtomicInteger();
    AtomicBoolean terminated = new AtomicBoolean();
    CountDownLatch firstAnswer = new CountDownLatch(1);
    ServerProcess server = ServerProcess.start(corpus, index, "--comments-per-minute", "100000");
    ExecutorService posters = Executors.newFixedThreadPool(burst);
    int inFlightAtTerm;
    long exitMillis;
    try (server;
        HttpClient http = client()) {
      for (int i = 0; i < burst; i++) {
        int n = i;
        posters.submit(
            () -> {
              inFlight.incrementAndGet();
              try {
                String word = words.next();
                String text = "Burst post " + n + " on " + word + ".";
                HttpResponse<String> response = post(http, server.base(), n, text, null);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() == 201) {
                  posted.add(new Posted(id(response), word, text));
                  if (terminated.get()) {
                    answeredAfterTerm.incrementAndGet();
                  }
                }
              } catch (IOException | InterruptedException e) {
                failed.incrementAndGet(); // refused or cut off: not acknowledged, nothing promised
              } finally {
                inFlight.decrementAndGet();
                firstAnswer.countDown();
              }
            });
      }
      assertThat(firstAnswer.await(20, TimeUnit.SECONDS)).as("a first answer").isTrue();
      inFlightAtTerm = inFlight.get();
      terminated.set(true);
      long term = System.nanoTime();
      server.process().destroy(); // SIGTERM
      boolean exited = server.process().waitFor(20, TimeUnit.SECONDS);
      exitMillis = (System.nanoTime() - term) / 1_000_000;
      posters.shutdown();
      assertThat(posters.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      assertThat(exited).as("exited within 20 s of SIGTERM; output:%n%s", server.output()).isTrue();
      assertThat(server.process().exitValue()).isIn(0, 143);
    } finally {
      posters.shutdownNow();
    }

    System.out.printf(
        "SIGTERM during a burst of %d posts: %d in flight at SIGTERM, %d acknowledged (%d after"
            + " SIGTERM), statuses %s, %d refused or cut off, exit in %d ms%n",
        burst,
        inFlightAtTerm,
        posted.size(),
        answeredAfterTerm.get(),
        new TreeMap<>(statuses),
        failed.get(),
        exitMillis);
    assertThat(inFlightAtTerm).as("requests in flight at SIGTERM").isPositive();
    assertThat(statuses.keySet())
        .as(
            "a stopping server answers 201 or 503 (no longer taking requests), never 500;"
                + " its output:%n%s",
            server.output())
        .isSubsetOf(201, 503);
    assertThat(answeredAfterTerm.get()).as("requests answered after SIGTERM").isPositive();
    for (Posted comment : posted) {
      Path file = corpus.resolve(comment.doc() + ".txt");
      assertThat(file).exists();
      assertThat(FrontMatter.split(Files.readString(file)).body()).isEqualTo(comment.text() + "\n");
    }
    // The index the server committed on its way out holds every acknowledged comment: read it
    // as it is, without re-indexing.
    try (PassageSearch search = new PassageSearch(LuceneEngine.open(index))) {
      for (Posted comment : posted) {
        List<Hit> hits = search.search(SearchRequest.of(comment.word())).hits();
        assertThat(hits)
            .as("hits for %s, the word of %s", comment.word(), comment.id())
            .anySatisfy(
                hit -> {
                  assertThat(hit.doc()).isEqualTo(comment.doc());
                  assertThat(hit.source()).isEqualTo("comment");
                });
      }
      assertThat(
              search.documents().stream()
                  .filter(d -> d.source().equals("comment"))
                  .map(DocumentSummary::id))
          .as("comments in the index, against the files on disk")
          .containsExactlyInAnyOrderElementsOf(commentFiles());
    }
  }

  /** What one round of load did before its kill. */
  record Round(List<Posted> acknowledged, int inFlightAtKill, int cutOff) {}

  /**
   * Posts comments from 2-4 threads and changes commentary from another until a random moment, then
   * kills the server with SIGKILL.
   */
  private Round runUntilKilled(
      ServerProcess server, int round, Random random, Commentary commentary) throws Exception {
    int posters = 2 + random.nextInt(3);
    long killAfterMillis = 20 + random.nextInt(800);
    long editorSeed = random.nextLong();
    List<Posted> posted = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger cutOff = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(posters + 1);
    int inFlightAtKill;
    try (HttpClient http = client()) {
      for (int t = 0; t < posters; t++) {
        long posterSeed = random.nextLong();
        threads.submit(
            () ->
                postUntil(
                    killed,
                    http,
                    server.base(),
                    round,
                    new Random(posterSeed),
                    posted,
                    inFlight,
                    cutOff));
      }
      threads.submit(() -> editUntil(killed, commentary, new Random(editorSeed)));
      Thread.sleep(killAfterMillis);
      inFlightAtKill = inFlight.get();
      killed.set(true);
      server.kill();
      threads.shutdown();
      if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("round " + round + ": load threads did not end in 30 s");
      }
    } finally {
      threads.shutdownNow();
    }
    return new Round(List.copyOf(posted), inFlightAtKill, cutOff.get());
  }

  private void postUntil(
      AtomicBoolean killed,
      HttpClient http,
      String base,
      int round,
      Random random,
      List<Posted> posted,
      AtomicInteger inFlight,
      AtomicInteger cutOff) {
    for (int i = 0; i < MAX_POSTS_PER_THREAD && !killed.get(); i++) {
      String word = words.next();
      String text =
          "Round " + round + " brings the " + word + " argument.\nA second paragraph, kept whole.";
      Integer paragraph = random.nextInt(4) == 0 ? null : 1 + random.nextInt(ARTICLE_PARAGRAPHS);
      inFlight.incrementAndGet();
      try {
        HttpResponse<String> response = post(http, base, round, text, paragraph);
        if (response.statusCode() == 201) {
          Posted comment = new Posted(id(response), word, text);
          acknowledged.put(comment.id(), comment);
          posted.add(comment);
        } else {
          violations.add("round " + round + ": POST answered " + response.statusCode());
        }
      } catch (IOException e) {
        if (!killed.get()) {
          violations.add("round " + round + ": POST failed before the kill: " + e);
        } else if (!(e instanceof ConnectException)) {
          cutOff.incrementAndGet(); // sent, then the server died under it
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  private void editUntil(AtomicBoolean killed, Commentary commentary, Random random) {
    try {
      for (int i = 0; i < MAX_EDITS && !killed.get(); i++) {
        Thread.sleep(5 + random.nextInt(60));
        commentary.change(random, words);
      }
    } catch (IOException e) {
      violations.add("editing commentary failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The checks after a (re)start. {@code recent} are the comments acknowledged since the last
   * check, all searched for; ten older ones are searched for too (all of them at the end).
   */
  private void verify(ServerProcess server, List<Posted> recent, Commentary commentary)
      throws Exception {
    try (HttpClient http = client()) {
      String base = server.base();
      HttpResponse<String> health = get(http, base + "health");
      assertThat(health.statusCode()).as("/health after a restart").isEqualTo(200);

      Set<String> temporaries = temporaries();
      if (!temporaries.isEmpty()) {
        violations.add("temporary files left after a restart: " + temporaries);
      }
      Set<String> files = commentFiles();
      for (String doc : files) {
        String problem = problemWith(corpus.resolve(doc + ".txt"));
        if (problem != null) {
          violations.add(doc + ".txt: " + problem);
        }
      }

      List<Posted> searched = new ArrayList<>(recent);
      List<Posted> older = new ArrayList<>(acknowledged.values());
      Collections.shuffle(older, new Random(SEED + older.size()));
      searched.addAll(older.subList(0, Math.min(10, older.size())));
      for (Posted comment : searched) {
        Path file = corpus.resolve(comment.doc() + ".txt");
        boolean onDisk =
            Files.exists(file)
                && FrontMatter.split(Files.readString(file)).body().equals(comment.text() + "\n");
        boolean found = finds(http, base, comment.word(), comment.doc(), "comment");
        if (!onDisk || !found) {
          lost.add(comment.id());
          violations.add(
              comment.id() + " was acknowledged; on disk: " + onDisk + ", found: " + found);
        }
      }

      Map<String, Set<String>> listed = new TreeMap<>();
      for (JsonNode doc : JSON.readTree(get(http, base + "api/documents").body())) {
        listed
            .computeIfAbsent(doc.get("source").asText(), s -> new TreeSet<>())
            .add(doc.get("id").asText());
      }
      if (!listed.getOrDefault("comment", Set.of()).equals(files)) {
        violations.add(
            "indexed comments differ from the files: listed "
                + difference(listed.getOrDefault("comment", Set.of()), files)
                + ", on disk "
                + difference(files, listed.getOrDefault("comment", Set.of())));
      }
      if (!listed.getOrDefault("commentary", Set.of()).equals(commentary.words.keySet())) {
        violations.add(
            "indexed commentary "
                + listed.get("commentary")
                + " is not what was written: "
                + commentary.words.keySet());
      }
      for (Map.Entry<String, String> file : commentary.words.entrySet()) {
        if (!finds(http, base, file.getValue(), file.getKey(), "commentary")) {
          violations.add(file.getKey() + " as last written is not found: " + file.getValue());
        }
      }
      for (String word : commentary.retired) {
        JsonNode hits = JSON.readTree(get(http, base + "api/search?q=" + word).body()).get("hits");
        if (hits.findValuesAsText("text").stream().anyMatch(text -> text.contains(word))) {
          violations.add("a replaced or deleted commentary text is still found: " + word);
        }
      }
      commentary.retired.clear();
    }
  }

  /**
   * Leaves what a kill between creating a comment's temporary file and renaming it leaves: a hidden
   * {@code .<id>.tmp} holding the start of a comment. Writing one takes a millisecond or so, so
   * random kills seldom land there; this makes every other restart meet one.
   */
  private void plantUnfinishedWrite(Random random) throws IOException {
    StringBuilder id = new StringBuilder("20261129T000000Z-");
    for (int i = 0; i < 8; i++) {
      id.append((char) ('a' + random.nextInt(26)));
    }
    Path folder = Files.createDirectories(corpus.resolve("comments"));
    Files.writeString(
        folder.resolve("." + id + ".tmp"), "---\ntitle: Comment by Tester 1\nauthor: Tes");
  }

  /** Whether searching {@code word} finds a passage of {@code doc} with source {@code source}. */
  private static boolean finds(HttpClient http, String base, String word, String doc, String source)
      throws IOException, InterruptedException {
    HttpResponse<String> response = get(http, base + "api/search?limit=5&q=" + word);
    if (response.statusCode() != 200) {
      return false;
    }
    for (JsonNode hit : JSON.readTree(response.body()).get("hits")) {
      if (hit.get("doc").asText().equals(doc) && hit.get("source").asText().equals(source)) {
        return true;
      }
    }
    return false;
  }

  /** Why a comment file is not whole, or null when it is: front matter and the text after it. */
  private static String problemWith(Path file) throws IOException {
    String content = Files.readString(file);
    FrontMatter parsed = FrontMatter.split(content);
    Metadata metadata = parsed.metadata();
    if (metadata.title() == null
        || metadata.author() == null
        || metadata.date() == null
        || metadata.about() == null) {
      return "incomplete front matter: " + content;
    }
    if (parsed.body().isBlank() || !content.endsWith("\n")) {
      return "no text, or text cut short: " + content;
    }
    return null;
  }

  /** Document ids of the comment files on disk: {@code comments/<id>}. */
  private Set<String> commentFiles() throws IOException {
    return commentsFolder(name -> !name.startsWith(".") && name.endsWith(".txt")).stream()
        .map(name -> "comments/" + name.substring(0, name.length() - ".txt".length()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The hidden temporary files of unfinished comment writes. */
  private Set<String> temporaries() throws IOException {
    return commentsFolder(name -> name.startsWith(".") && name.endsWith(".tmp"));
  }

  private Set<String> commentsFolder(java.util.function.Predicate<String> names)
      throws IOException {
    Path folder = corpus.resolve("comments");
    if (!Files.isDirectory(folder)) {
      return new TreeSet<>();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(names)
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> rest = new TreeSet<>(a);
    rest.removeAll(b);
    return rest;
  }

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static HttpResponse<String> get(HttpClient http, String url)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(
      HttpClient http, String base, int writer, String text, Integer paragraph)
      throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.put("doc", "article");
    if (paragraph != null) {
      body.put("paragraph", paragraph);
    }
    body.put("author", "Tester " + writer);
    body.put("text", text);
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "api/comments"))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String id(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body()).get("id").asText();
  }

  /** Words no text holds by chance: ten random letters, never the same one twice. */
  static final class Words {
    private final Random random;
    private final Set<String> used = new HashSet<>();

    Words(Random random) {
      this.random = random;
    }

    synchronized String next() {
      while (true) {
        StringBuilder word = new StringBuilder("q");
        for (int i = 0; i < 9; i++) {
          word.append((char) ('a' + random.nextInt(26)));
        }
        if (used.add(word.toString())) {
          return word.toString();
        }
      }
    }
  }

  /**
   * The commentary files as the test last wrote them, changed by one thread at a time: document id
   * → the word its current text holds, and the words of texts since replaced or deleted. A file is
   * rewritten in place, as an editor saving it would.
   */
  static final class Commentary {
    private final Path corpus;
    final Map<String, String> words = new TreeMap<>();
    final List<String> retired = new ArrayList<>();
    int changes;
    private int created;

    Commentary(Path corpus) {
      this.corpus = corpus;
    }

    /** Adds a file, rewrites one or deletes one, at random. */
    void change(Random random, Words fresh) throws IOException {
      int choice = words.size() < 2 ? 0 : random.nextInt(words.size() > 8 ? 6 : 4);
      changes++;
      if (choice == 0) {
        String id = "commentary/crash-" + ++created;
        write(id, fresh.next());
        return;
      }
      String id = new ArrayList<>(words.keySet()).get(random.nextInt(words.size()));
      retired.add(words.get(id));
      if (choice >= 3) {
        Files.delete(file(id));
        words.remove(id);
      } else {
        write(id, fresh.next());
      }
    }

    private void write(String id, String word) throws IOException {
      Path file = file(id);
      Files.createDirectories(file.getParent());
      String title = "Crash commentary " + id.substring(id.lastIndexOf('-') + 1);
      String body = "This commentary weighs the " + word + " question at some length.";
      Files.writeString(
          file,
          file.toString().endsWith(".md")
              ? "# " + title + "\n\n" + body + "\n"
              : title + "\n\n" + body + "\n");
      words.put(id, word);
    }

    private Path file(String id) {
      int n = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
      return corpus.resolve(id + (n % 2 == 0 ? ".md" : ".txt"));
    }
  }
}
