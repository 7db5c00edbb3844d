package dev.passages.lucene;

import dev.passages.corpus.Source;
import dev.passages.corpus.SourceDocument;
import dev.passages.corpus.TextDocumentParser;
import dev.passages.embedding.Embedder;
import dev.passages.index.EngineWriter;
import dev.passages.index.IndexLockedException;
import dev.passages.index.IndexStatus;
import dev.passages.index.PassageText;
import dev.passages.index.PassageVector;
import dev.passages.index.VectorCounts;
import dev.passages.search.PassageSearch;
import dev.passages.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.MMapDirectory;

/**
 * The embedded engine's writing side: the one {@link IndexWriter} of an index folder (Lucene locks
 * the folder while it is open), and the near-real-time searchers that see its changes once {@link
 * #refresh} has run, without a reopen.
 */
public final class LuceneWriter implements EngineWriter {

  /** The writer's buffer before it flushes a segment. */
  static final double RAM_BUFFER_MB = 128;

  /** Threads that write the last buffered segments before a commit. */
  private static final int FLUSH_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  /**
   * Whether this writer started the index afresh and has not yet committed a whole corpus: that
   * commit first merges the index into one segment. A query is set up again for every segment it
   * searches (its words looked up, its scorers made): at a million passages the six segments the
   * writer flushes cost a quarter of a keyword search. An index is searched far more often than it
   * is built; merging a million passages took 7.6 s, against 25 s to index them. Later changes
   * (comments, edited files, vectors) are left to Lucene's merge policy.
   */
  private boolean mergeAtFirstSync;

  /**
   * An index of up to this many passages is merged into one segment once a fill has given most of
   * its passages their vectors, and after a process's first fill run ({@link
   * #compactAfterVectors}). The fill rewrites each passage with its vector, batch by batch, and
   * Lucene's merge policy leaves the new segments apart: the seed corpus kept two segments (16 and
   * 11 passages), the 31 k verses four (31,151 with 4,111 deleted, 3,520, 608, 15). A query is set
   * up again for every segment it searches: over one segment the query mix took 6-9 % less CPU on
   * the seed corpus and about 12 % less on the verses, searched in turn in one JVM. Merging the
   * verses took under 4 s, after 75 s of embedding. Larger indexes are left to the merge policy:
   * merging rebuilds the vectors' graph.
   */
  static final int COMPACTED_UP_TO = 50_000;

  private LuceneWriter(Directory directory, IndexWriter writer, boolean afresh) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.mergeAtFirstSync = afresh;
    this.searchers = new SearcherManager(writer, new HighlightingSearcher.Factory());
  }

  /**
   * Opens the index in {@code index} for writing, creating it if needed. An index written by
   * another schema version is started afresh, as is every index when {@code fromScratch}.
   *
   * @throws IndexLockedException when another process has it open for writing
   */
  public static LuceneWriter open(Path index, boolean fromScratch) throws IOException {
    Directory directory = FSDirectory.open(index);
    try {
      boolean keep = !fromScratch && sameSchema(directory);
      IndexWriterConfig config =
          new IndexWriterConfig(Schema.ANALYZER)
              .setCodec(PassagesCodec.get())
              // Large corpora index in fewer, larger segments; small ones never fill it.
              .setRAMBufferSizeMB(RAM_BUFFER_MB)
              .setOpenMode(
                  keep
                      ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                      : IndexWriterConfig.OpenMode.CREATE);
      if (!keep) {
        removeUnreadableCommit(directory);
      }
      return new LuceneWriter(directory, new IndexWriter(directory, config), !keep);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexLockedException(index, e);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * Deletes the commit points of an index that cannot be read (corrupt, or of a Lucene version this
   * one cannot read), under the write lock. Lucene reads the last commit even to create an index
   * afresh, so without this neither an update nor a rebuild could replace such an index, though
   * {@link #status} calls it stale.
   */
  private static void removeUnreadableCommit(Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return;
    }
    try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
      try {
        lastCommit(directory);
      } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
        for (String file : directory.listAll()) {
          if (file.startsWith(IndexFileNames.SEGMENTS)) {
            directory.deleteFile(file);
          }
        }
      }
    }
  }

  /**
   * Initialises {@link MMapDirectory}, which opening an index on disk starts with: its class binds
   * {@code posix_madvise} through the FFM API, 150 ms of a start on two cores, most of it spinning
   * the binding's method handles. {@code passages serve} runs this first on a second core, while
   * the first reads the command line.
   */
  public static void prepareOpening() {
    try {
      Class.forName(MMapDirectory.class.getName(), true, MMapDirectory.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Initialises the classes an index needs (analysis, codecs, near-real-time searchers, the
   * highlighter) by indexing a short text in memory and searching it. {@code passages serve} runs
   * this on a second core while the first reads the command line and starts the server, so that the
   * first search does not initialise them (bench/first-searches.sh).
   */
  public static void prepare() throws IOException {
    SourceDocument sample =
        TextDocumentParser.parse(
                "prepare",
                Source.ARTICLE,
                "A title\n\nThe first paragraph says \"words in a phrase\" twice: words in a phrase.")
            .orElseThrow();
    try (Directory memory = new ByteBuffersDirectory();
        // Not started afresh: its commit would load the merge's code during the start (20-40 ms
        // of it, measured), to merge what is one segment anyway.
        LuceneWriter writer =
            new LuceneWriter(
                memory,
                new IndexWriter(
                    memory, new IndexWriterConfig(Schema.ANALYZER).setCodec(PassagesCodec.get())),
                false)) {
      writer.put(sample, "hash");
      writer.commit("fingerprint");
      writer.refresh();
      writer.contentHashes();
      try (PassageSearch search = new PassageSearch(LuceneEngine.live(writer), 0)) {
        search.search(SearchRequest.of("\"words in a phrase\" paragraph"));
        search.search(SearchRequest.of("paragrph wor*"));
      }
    }
  }

  /** The searchers over this writer's index, refreshed by {@link #refresh}. */
  SearcherManager searchers() {
    return searchers;
  }

  @Override
  public Map<String, String> contentHashes() throws IOException {
    Map<String, String> hashes = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TermQuery titles = new TermQuery(new Term(Schema.KIND, "title"));
      int count = searcher.count(titles);
      if (count == 0) {
        return hashes;
      }
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc hit : searcher.search(titles, count).scoreDocs) {
        Document doc = stored.document(hit.doc, Set.of(Schema.DOC, Schema.HASH));
        hashes.put(doc.get(Schema.DOC), doc.get(Schema.HASH));
      }
    }
    return hashes;
  }

  @Override
  public void put(SourceDocument document, String contentHash) throws IOException {
    writer.updateDocuments(
        new Term(Schema.DOC, document.id()), PassageDocuments.toDocuments(document, contentHash));
  }

  @Override
  public void delete(String id) throws IOException {
    writer.deleteDocuments(new Term(Schema.DOC, id));
  }

  @Override
  public synchronized void commit(String corpusFingerprint) throws IOException {
    flushOnEveryCore();
    if (mergeAtFirstSync && corpusFingerprint != null) {
      writer.forceMerge(1);
      mergeAtFirstSync = false;
    }
    Map<String, String> data = new HashMap<>();
    data.put(Schema.COMMIT_SCHEMA, String.valueOf(Schema.VERSION));
    String fingerprint =
        corpusFingerprint != null
            ? corpusFingerprint
            : liveCommitData().get(Schema.COMMIT_FINGERPRINT);
    if (fingerprint != null) {
      data.put(Schema.COMMIT_FINGERPRINT, fingerprint);
    }
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  /**
   * Writes what is still buffered on every core: the commit would write it on one thread. Lucene's
   * {@code flushNextBuffer} takes the next buffer that no other thread is writing.
   */
  private void flushOnEveryCore() throws IOException {
    if (!writer.hasUncommittedChanges() || FLUSH_THREADS == 1) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(FLUSH_THREADS);
    try {
      List<Future<?>> flushes = new ArrayList<>(FLUSH_THREADS);
      for (int i = 0; i < FLUSH_THREADS; i++) {
        flushes.add(
            pool.submit(
                () -> {
                  while (writer.flushNextBuffer()) {
                    // until no buffer is left
                  }
                  return null;
                }));
      }
      for (Future<?> done : flushes) {
        done.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("indexing was interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Map<String, String> liveCommitData() {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    return data;
  }

  @Override
  public Optional<String> committedFingerprint() {
    return Optional.ofNullable(liveCommitData().get(Schema.COMMIT_FINGERPRINT));
  }

  @Override
  public boolean hasUncommittedChanges() {
    return writer.hasUncommittedChanges();
  }

  @Override
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  @Override
  public List<PassageText> withoutVectors(int max) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      TopDocs top = searcher.search(WITHOUT_VECTORS, max);
      StoredFields stored = searcher.storedFields();
      List<PassageText> pending = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc hit : top.scoreDocs) {
        Document doc = stored.document(hit.doc, Set.of(Schema.ID, Schema.TEXT));
        pending.add(new PassageText(doc.get(Schema.ID), doc.get(Schema.TEXT)));
      }
      return pending;
    } finally {
      searchers.release(searcher);
    }
  }

  /** Passages without a vector of the current model. */
  private static final Query WITHOUT_VECTORS =
      new BooleanQuery.Builder()
          .add(MatchAllDocsQuery.INSTANCE, Occur.MUST)
          .add(new TermQuery(new Term(Schema.EMBEDDED, Embedder.MODEL)), Occur.MUST_NOT)
          .build();

  @Override
  public synchronized int putVectors(List<PassageVector> vectors) throws IOException {
    // Every write so far must be seen: a passage replaced since its text was read keeps its new
    // text, which waits for a vector of its own.
    searchers.maybeRefreshBlocking();
    IndexSearcher searcher = searchers.acquire();
    int stored = 0;
    try {
      StoredFields fields = searcher.storedFields();
      for (PassageVector vector : vectors) {
        Term id = new Term(Schema.ID, vector.id());
        TopDocs top = searcher.search(new TermQuery(id), 1);
        if (top.scoreDocs.length == 0) {
          continue;
        }
        Document doc = fields.document(top.scoreDocs[0].doc);
        if (!vector.text().equals(doc.get(Schema.TEXT))) {
          continue;
        }
        writer.updateDocument(
            id,
            PassageDocuments.toDocument(
                PassageDocuments.fromDocument(doc), doc.get(Schema.HASH), vector.vector()));
        stored++;
      }
    } finally {
      searchers.release(searcher);
    }
    return stored;
  }

  @Override
  public VectorCounts vectorCounts() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return new VectorCounts(
          searcher.count(new TermQuery(new Term(Schema.EMBEDDED, Embedder.MODEL))),
          searcher.getIndexReader().numDocs());
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public void compactAfterVectors() throws IOException {
    if (segments() <= 1 || writer.getDocStats().maxDoc > COMPACTED_UP_TO) {
      return;
    }
    // Not under this writer's lock: Lucene takes writes while it merges, and only the commit waits.
    writer.forceMerge(1);
    commit(null);
    searchers.maybeRefreshBlocking();
  }

  /** How many segments searches read now. */
  private int segments() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.getIndexReader().leaves().size();
    } finally {
      searchers.release(searcher);
    }
  }

  /** Closes the searchers and the writer, which commits what is left. */
  @Override
  public void close() throws IOException {
    try (directory;
        writer;
        searchers) {
      // closed in reverse order: searchers, writer, directory
    }
  }

  /**
   * Whether the index in {@code index} exists and was built by this schema from the corpus files
   * whose fingerprint is {@code corpusFingerprint}.
   */
  public static IndexStatus status(Path index, String corpusFingerprint) throws IOException {
    try (Directory directory = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(directory)) {
        return IndexStatus.MISSING;
      }
      if (!sameSchema(directory)) {
        return IndexStatus.STALE;
      }
      Map<String, String> data = lastCommit(directory).getUserData();
      return corpusFingerprint.equals(data.get(Schema.COMMIT_FINGERPRINT))
          ? IndexStatus.FRESH
          : IndexStatus.STALE;
    } catch (IndexNotFoundException e) {
      return IndexStatus.MISSING;
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
      return IndexStatus.STALE; // an update starts it afresh
    }
  }

  /**
   * The index's last commit. A commit whose segments name a codec this build does not know (one
   * written by a later build) cannot be read either: it counts as corrupt, and is started afresh.
   */
  private static SegmentInfos lastCommit(Directory directory) throws IOException {
    try {
      return SegmentInfos.readLatestCommit(directory);
    } catch (IllegalArgumentException e) { // Lucene's "An SPI class of type Codec … does not exist"
      throw new CorruptIndexException("a codec this build does not know", directory.toString(), e);
    }
  }

  /** Whether the folder holds a readable index of this schema version; false means start afresh. */
  static boolean sameSchema(Directory directory) throws IOException {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return false;
      }
      Map<String, String> data = lastCommit(directory).getUserData();
      return String.valueOf(Schema.VERSION).equals(data.get(Schema.COMMIT_SCHEMA));
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
      return false;
    }
  }
}
