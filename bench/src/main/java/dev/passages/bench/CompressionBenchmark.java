package dev.passages.bench;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.ZstdCompressCtx;
import dev.passages.lucene.LuceneEngine;
import dev.passages.search.PassageSearch;
import dev.passages.search.SearchRequest;
import dev.passages.web.GzipBytes;
import dev.passages.web.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What gzip, zstd and brotli cost per search answer at each level: the JSON answers to {@code
 * bench/queries.txt} on the seed corpus, compressed in turn as Javalin does it (a {@link
 * GZIPOutputStream} per answer at {@code level}), as the server does (one compressor kept and
 * reset), in zstd at the same level number with one context kept, and in brotli at quality {@code
 * level - 1}. Prints, once per level, the answers' mean size before and after, and what the bytes
 * saved are worth in transfer time on a slow link (1.6 Mbit/s, Chrome's "fast 3G") and on loopback;
 * the benchmark gives the CPU time per answer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CompressionBenchmark {

  @Param({"1", "4", "6", "9"})
  public int level;

  private final List<byte[]> answers = new ArrayList<>();
  private Deflater deflater;
  private ZstdCompressCtx zstd;
  private Encoder.Parameters brotli;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    BenchCorpus.Built seed = BenchCorpus.index("seed", BenchCorpus.folder("seed"));
    try (LuceneEngine engine = LuceneEngine.open(seed.index());
        PassageSearch search = new PassageSearch(engine, 0)) {
      for (String query : Files.readAllLines(Path.of("bench/queries.txt"))) {
        if (!query.isBlank()) {
          answers.add(Json.mapper().writeValueAsBytes(search.search(SearchRequest.of(query))));
        }
      }
    }
    deflater = new Deflater(level, true);
    zstd = new ZstdCompressCtx().setLevel(level);
    Brotli4jLoader.ensureAvailability();
    brotli = new Encoder.Parameters().setQuality(level - 1).setWindow(16);
    long plain = 0;
    long gzipped = 0;
    long zstdBytes = 0;
    long brotliBytes = 0;
    for (byte[] answer : answers) {
      plain += answer.length;
      gzipped += gzip(answer, level).length;
      zstdBytes += zstd.compress(answer).length;
      brotliBytes += Encoder.compress(answer, brotli).length;
    }
    System.out.printf(
        Locale.ROOT,
        "%nlevel %d: %d answers, mean %.0f bytes%n",
        level,
        answers.size(),
        plain / (double) answers.size());
    printSize("gzipped", gzipped, plain);
    printSize("in zstd", zstdBytes, plain);
    printSize("in brotli (quality " + (level - 1) + ")", brotliBytes, plain);
  }

  private void printSize(String how, long compressed, long plain) {
    double savedBytes = (plain - compressed) / (double) answers.size();
    System.out.printf(
        Locale.ROOT,
        "  %s %.0f bytes (%.0f %%); the bytes saved take %.0f µs at 1.6 Mbit/s, %.1f µs at 10"
            + " Gbit/s (loopback)%n",
        how,
        compressed / (double) answers.size(),
        100.0 * compressed / plain,
        savedBytes * 8 / 1.6e6 * 1e6,
        savedBytes * 8 / 10e9 * 1e6);
  }

  @Benchmark
  public byte[] gzip() {
    byte[] answer = answers.get(next);
    next = (next + 1) % answers.size();
    return gzip(answer, level);
  }

  /** The same with one Deflater kept and reset between answers: what a pool would cost. */
  @Benchmark
  public byte[] gzipReusingDeflater() {
    byte[] answer = answers.get(next);
    next = (next + 1) % answers.size();
    return GzipBytes.gzip(answer, deflater);
  }

  /**
   * In zstd at the same level number, one context kept, as {@code ZstdBytes} does; with the level's
   * own match table, not {@code ZstdBytes}'s smaller one, whose gain shows in the server, where the
   * table goes cold between answers, and not in this loop (bench/README).
   */
  @Benchmark
  public byte[] zstdReusingContext() {
    byte[] answer = answers.get(next);
    next = (next + 1) % answers.size();
    return zstd.compress(answer);
  }

  /**
   * In brotli at quality {@code level - 1}: at level 1, quality 0 and a 64 KiB window, as {@code
   * BrotliBytes} compresses an answer (a new encoder each time: brotli has no reset).
   */
  @Benchmark
  public byte[] brotli() throws IOException {
    byte[] answer = answers.get(next);
    next = (next + 1) % answers.size();
    return Encoder.compress(answer, brotli);
  }

  private static byte[] gzip(byte[] plain, int level) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3);
    try (GZIPOutputStream gzip =
        new GZIPOutputStream(out) {
          {
            def.setLevel(level);
          }
        }) {
      gzip.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
