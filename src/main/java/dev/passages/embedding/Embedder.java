package dev.passages.embedding;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns text into a unit vector that places texts of similar meaning close together: the sentence
 * embedding model all-MiniLM-L6-v2 (quantised to 8 bits, 384 dimensions), shipped inside a Maven
 * artifact and run in-process on the CPU by ONNX Runtime. Nothing is downloaded.
 *
 * <p>The model reads at most 128 tokens and ignores the rest, silently. A longer text is therefore
 * cut into windows of whole sentences (a sentence longer than a window is cut between words), each
 * embedded, and the windows' vectors averaged, weighted by their length: the whole text counts, not
 * its first hundred words. Windows as full as the model allows, rather than one per sentence: one
 * per sentence cost a fifth more to embed and moved CISI, MED and the paraphrase set by less than
 * the noise (bench/README.md). The vectors are those of sentence-transformers: the model's last
 * layer averaged over the tokens, then scaled to length 1, so a dot product is the cosine.
 *
 * <p>Thread-safe: ONNX Runtime runs concurrent calls; each runs on one core.
 */
public final class Embedder implements AutoCloseable {

  /** Names the model in an index, so that vectors of another model are never compared. */
  public static final String MODEL = "all-MiniLM-L6-v2-q";

  public static final int DIMENSIONS = 384;

  static final String ONNX = "all-minilm-l6-v2-q.onnx";
  static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

  /** Word pieces per window: the 128 tokens the model was trained on, less [CLS] and [SEP]. */
  static final int WINDOW_PIECES = 126;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final WordPieceTokenizer tokenizer;

  private Embedder(OrtEnvironment environment, OrtSession session, WordPieceTokenizer tokenizer) {
    this.environment = environment;
    this.session = session;
    this.tokenizer = tokenizer;
  }

  /**
   * Loads the model from the classpath (a second or two).
   *
   * @throws IOException when it cannot run here: the model files are missing, or ONNX Runtime has
   *     no native library for this platform
   */
  public static Embedder load() throws IOException {
    WordPieceTokenizer tokenizer;
    byte[] model;
    try (InputStream json = resource(TOKENIZER);
        InputStream onnx = resource(ONNX)) {
      tokenizer = WordPieceTokenizer.fromJson(json);
      model = onnx.readAllBytes();
    }
    try {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      // One core per call: callers run in parallel where they can (indexing on every core), and
      // a query embedded on one core leaves the other to the server.
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return new Embedder(environment, environment.createSession(model, options), tokenizer);
    } catch (OrtException | LinkageError | IllegalStateException e) {
      throw new IOException(
          "the embedding model cannot run on "
              + System.getProperty("os.name")
              + " "
              + System.getProperty("os.arch")
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  static InputStream resource(String name) throws IOException {
    InputStream in = Embedder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("the embedding model's " + name + " is not on the classpath");
    }
    return in;
  }

  /** The unit vector of {@code text}; a zero vector for a text without words. */
  public float[] embed(String text) {
    return embedAll(List.of(text)).getFirst();
  }

  /**
   * The unit vectors of {@code texts}, in order. Each window runs alone: batches padded to their
   * longest window were slower here (7.7 against 5.4 ms per news paragraph on one core), and the
   * quantised model scales a batch as a whole, so a text's vector would depend on its neighbours.
   */
  public List<float[]> embedAll(List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (String text : texts) {
      float[] sum = new float[DIMENSIONS];
      for (int[] window : windows(text)) {
        float[] pooled = run(window);
        // Weighted by length: a window of ten words says less of the text than one of ninety.
        for (int d = 0; d < DIMENSIONS; d++) {
          sum[d] += pooled[d] * window.length;
        }
      }
      vectors.add(unit(sum));
    }
    return vectors;
  }

  /** {@code text} as windows of whole sentences, a sentence longer than a window cut by words. */
  List<int[]> windows(String text) {
    List<int[]> windows = new ArrayList<>();
    List<int[]> current = new ArrayList<>();
    int pieces = 0;
    for (String sentence : sentences(text)) {
      List<int[]> words = tokenizer.words(sentence);
      int length = words.stream().mapToInt(w -> w.length).sum();
      if (pieces > 0 && pieces + length > WINDOW_PIECES) {
        windows.add(window(current));
        current.clear();
        pieces = 0;
      }
      for (int[] word : words) {
        if (pieces > 0 && pieces + word.length > WINDOW_PIECES) {
          windows.add(window(current));
          current.clear();
          pieces = 0;
        }
        // A word longer than a window is the tokenizer's [UNK] or a handful of pieces; cut it.
        int[] kept =
            word.length > WINDOW_PIECES ? java.util.Arrays.copyOf(word, WINDOW_PIECES) : word;
        current.add(kept);
        pieces += kept.length;
      }
    }
    if (pieces > 0) {
      windows.add(window(current));
    }
    return windows;
  }

  private static int[] window(List<int[]> words) {
    int length = 2 + words.stream().mapToInt(w -> w.length).sum();
    int[] ids = new int[length];
    ids[0] = WordPieceTokenizer.CLS;
    int at = 1;
    for (int[] word : words) {
      System.arraycopy(word, 0, ids, at, word.length);
      at += word.length;
    }
    ids[at] = WordPieceTokenizer.SEP;
    return ids;
  }

  /** The sentences of {@code text}, as the JDK finds them. */
  static List<String> sentences(String text) {
    List<String> sentences = new ArrayList<>();
    for (Span span : sentenceSpans(text)) {
      sentences.add(text.substring(span.start(), span.end()));
    }
    return sentences;
  }

  /** A sentence of a text: {@code [start, end)} in UTF-16 code units, trailing space left out. */
  public record Span(int start, int end) {}

  /** The sentences of {@code text} as spans, each without the whitespace that follows it. */
  public static List<Span> sentenceSpans(String text) {
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
    sentences.setText(text);
    List<Span> spans = new ArrayList<>();
    for (int start = sentences.first(), end = sentences.next();
        end != BreakIterator.DONE;
        start = end, end = sentences.next()) {
      int trimmed = end;
      while (trimmed > start && Character.isWhitespace(text.charAt(trimmed - 1))) {
        trimmed--;
      }
      if (trimmed > start) {
        spans.add(new Span(start, trimmed));
      }
    }
    return spans;
  }

  /** The model's last layer averaged over the window's tokens. */
  private float[] run(int[] window) {
    long[] ids = new long[window.length];
    long[] mask = new long[window.length];
    for (int c = 0; c < window.length; c++) {
      ids[c] = window[c];
      mask[c] = 1;
    }
    long[] shape = {1, window.length};
    try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor types =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[window.length]), shape);
        OrtSession.Result result =
            session.run(
                Map.of(
                    "input_ids",
                    idTensor,
                    "attention_mask",
                    maskTensor,
                    "token_type_ids",
                    types))) {
      float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
      float[] pooled = new float[DIMENSIONS];
      for (float[] token : hidden) {
        for (int d = 0; d < DIMENSIONS; d++) {
          pooled[d] += token[d];
        }
      }
      for (int d = 0; d < DIMENSIONS; d++) {
        pooled[d] /= hidden.length;
      }
      return pooled;
    } catch (OrtException e) {
      throw new UncheckedIOException(new IOException("the embedding model failed", e));
    }
  }

  /** {@code v} scaled to length 1; a zero vector stays zero. */
  static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm == 0) {
      return v;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int d = 0; d < v.length; d++) {
      v[d] *= scale;
    }
    return v;
  }

  /** The dot product of two vectors: the cosine of two unit vectors. */
  public static float dot(float[] a, float[] b) {
    float sum = 0;
    for (int d = 0; d < a.length; d++) {
      sum += a[d] * b[d];
    }
    return sum;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      // nothing to do: the process is going away or the model is no longer wanted
    }
  }
}
