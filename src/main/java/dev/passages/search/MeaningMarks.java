package dev.passages.search;

import dev.passages.embedding.Embedder;
import java.util.List;

/**
 * Shows why a passage found by meaning alone is there: it holds none of the query's words, so the
 * sentence of it closest in meaning to the query is marked ({@code <mark class="meaning">}), given
 * in {@code matches} and named in {@code explain}. Sentence vectors are kept: the passages shown
 * for one question come back for the next.
 */
final class MeaningMarks {

  /** The mark of a sentence close in meaning, told apart from a matched word. */
  static final String OPEN = "<mark class=\"meaning\">";

  static final String CLOSE = "</mark>";

  /** Where text was left out, as the word highlighter shows it. */
  static final String ELLIPSIS = "…";

  /** A sentence longer than this is shown cut at a word, with "…". */
  static final int MAX_SENTENCE_CHARS = 2 * Hit.EXCERPT_CHARS;

  /** At most this many sentence vectors are kept (1.5 KB each). */
  private static final int KEPT_SENTENCES = 8_192;

  private final Embedder embedder;
  private final BoundedCache<String, float[]> sentences = new BoundedCache<>(KEPT_SENTENCES);

  MeaningMarks(Embedder embedder) {
    this.embedder = embedder;
  }

  /** {@code hit} with its sentence closest to {@code meaning} marked and explained. */
  Hit mark(Hit hit, float[] meaning, String question) {
    String text = hit.text();
    List<Embedder.Span> spans = Embedder.sentenceSpans(text);
    if (spans.isEmpty()) {
      return hit;
    }
    Embedder.Span best = spans.getFirst();
    float closest = Float.NEGATIVE_INFINITY;
    for (Embedder.Span span : spans) {
      String sentence = text.substring(span.start(), span.end());
      float similarity = Embedder.dot(meaning, sentences.get(sentence, embedder::embed));
      if (similarity > closest) {
        closest = similarity;
        best = span;
      }
    }
    String sentence = text.substring(best.start(), best.end());
    return new Hit(
        hit.id(),
        hit.doc(),
        hit.title(),
        hit.source(),
        hit.kind(),
        hit.paragraph(),
        hit.section(),
        hit.score(),
        hit.matched(),
        text,
        highlight(text, best),
        List.of(new int[] {best.start(), best.end()}),
        List.of(new MatchNote(question, sentence, "meaning")));
  }

  /**
   * The passage with {@code sentence} marked: whole when short, as the highlighting contract has
   * it, else the sentence alone, with "…" where text is left out.
   */
  static String highlight(String text, Embedder.Span sentence) {
    StringBuilder html = new StringBuilder(text.length() + 32);
    if (text.length() <= Hit.WHOLE_UP_TO_CHARS) {
      Html.escape(text, 0, sentence.start(), html);
      html.append(OPEN);
      Html.escape(text, sentence.start(), sentence.end(), html);
      html.append(CLOSE);
      Html.escape(text, sentence.end(), text.length(), html);
      return html.toString();
    }
    int end = sentence.end();
    if (end - sentence.start() > MAX_SENTENCE_CHARS) {
      int cut = text.lastIndexOf(' ', sentence.start() + MAX_SENTENCE_CHARS);
      end = cut > sentence.start() ? cut : sentence.start() + MAX_SENTENCE_CHARS;
    }
    if (sentence.start() > 0) {
      html.append(ELLIPSIS);
    }
    html.append(OPEN);
    Html.escape(text, sentence.start(), end, html);
    html.append(CLOSE);
    if (end < text.length()) {
      html.append(ELLIPSIS);
    }
    return html.toString();
  }
}
