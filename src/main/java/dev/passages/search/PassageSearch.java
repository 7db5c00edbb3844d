package dev.passages.search;

import dev.passages.analysis.TextAnalysis;
import dev.passages.embedding.Embedder;
import dev.passages.embedding.EmbeddingModel;
import java.io.Closeable;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The search boundary: everything above it (web, CLI) sees only this class and our own records,
 * never how or where the passages are stored. It owns the answer policy, the same whatever engine
 * stands behind it: the query as typed (passages holding every part first, then those holding
 * some); when few passages hold every part, the query with its misspellings corrected, answered
 * instead when the typed one had none, else offered. A question or paraphrase in plain words is
 * also searched by meaning ({@link #usesMeaning}); the passages found by meaning alone have their
 * closest sentence marked. It explains each hit and keeps recent answers until the engine's index
 * changes. The engine ({@link EngineReader}) finds and marks words.
 *
 * <p>Thread-safe.
 */
public final class PassageSearch implements Closeable {

  /**
   * Fewer passages than this holding every part of the query and a corrected query is tried, or
   * offered as a suggestion.
   */
  public static final int FEW_HITS = 3;

  /**
   * Past this many matches an engine may stop counting them and skip those that cannot reach the
   * page, as Lucene's own {@code IndexSearcher.search(query, n)} does: the total is then "at least
   * this many" unless the engine knows the count without counting.
   */
  public static final int COUNT_UP_TO = 1_000;

  /**
   * Larger answers (long passages, big pages) are not kept, which bounds what the kept answers can
   * hold to about 64 KB each: a page of ten news paragraphs is about 12,000 characters.
   */
  static final int MAX_KEPT_CHARS = 32_768;

  /**
   * Parsed queries are kept: reading the syntax again for the same text was a tenth of a search.
   */
  private static final BoundedCache<String, ParsedQuery> PARSED = new BoundedCache<>(4_096);

  /**
   * How many words that say something each kept query has: analysing its words again, up to three
   * times a search, was a thirtieth of a fresh search (a profile of bench/load.sh).
   */
  private static final BoundedCache<String, Integer> CONTENT_WORDS = new BoundedCache<>(4_096);

  /**
   * Queries longer than this are parsed, compiled and embedded afresh every time rather than kept:
   * the caches are bounded by count, and 4,096 queries of 10,000 characters (a pasted article, with
   * its thousand-clause query) would fill a heap. Questions and keywords are far shorter.
   */
  public static final int KEPT_UP_TO_CHARS = 1_000;

  /**
   * Words that open a question: with one of them first (or a "?" last), two words are a question in
   * the reader's own words, searched by meaning too.
   */
  private static final Set<String> QUESTION_WORDS =
      Set.of(
          "who", "what", "when", "where", "why", "how", "which", "whom", "whose", "is", "are",
          "was", "were", "do", "does", "did", "can", "could", "should", "would", "will", "has",
          "have", "had");

  /** Words of this many or more, question words and stopwords aside, are searched by meaning. */
  static final int MEANING_FROM_WORDS = 3;

  /** Query vectors kept: a question is typed again and again (paging, Back). */
  private final BoundedCache<String, float[]> meanings = new BoundedCache<>(1_024);

  private final EngineReader engine;
  private final EmbeddingModel model;
  private volatile MeaningMarks marks;

  /** Answers by request, each with the version of the index it came from; null: none kept. */
  private final BoundedCache<SearchRequest, KeptResult> results;

  private final int keptResults;

  /**
   * A kept answer, with what it came from: the version of the index, and whether the model was
   * loaded (an answer by words alone, given while it loaded, is not kept past it).
   */
  private record KeptResult(long version, boolean meaningReady, SearchResult result) {}

  /** Searches {@code engine} by words alone, keeping no answers. */
  public PassageSearch(EngineReader engine) {
    this(engine, 0, EmbeddingModel.off());
  }

  /**
   * Searches {@code engine}, keeping the answers to up to {@code keptResults} distinct requests
   * until the index changes: a repeated search (the same words from many readers, a page reloaded,
   * Back) costs a lookup. 0 keeps none.
   */
  public PassageSearch(EngineReader engine, int keptResults) {
    this(engine, keptResults, EmbeddingModel.off());
  }

  /**
   * As {@link #PassageSearch(EngineReader, int)}, searching questions by meaning too with {@code
   * model} once it is loaded (by words alone until then).
   */
  public PassageSearch(EngineReader engine, int keptResults, EmbeddingModel model) {
    this.engine = engine;
    this.results = keptResults > 0 ? new BoundedCache<>(keptResults) : null;
    this.keptResults = keptResults;
    this.model = model;
  }

  /** How many distinct requests' answers are kept (0: none): those given again cost a lookup. */
  public int keptResults() {
    return keptResults;
  }

  /**
   * The page of passages matching {@code request}, best first.
   *
   * @throws InvalidRequestException when the query cannot be run as asked (too many clauses)
   */
  public SearchResult search(SearchRequest request) {
    long start = System.nanoTime();
    long version = engine.version(); // before searching: see EngineReader#version
    boolean meaningReady = model.isLoaded();
    KeptResult kept = results != null ? results.get(request) : null;
    if (kept != null && kept.version() == version && kept.meaningReady() == meaningReady) {
      return kept.result().took(millisSince(start));
    }
    Answer answer = answer(request);
    Explainer explainer = new Explainer(answer.parsed(), answer.typos());
    List<Hit> hits =
        answer.page().hits().stream()
            .map(
                h ->
                    h.matched() == Matched.MEANING
                        ? marks().mark(h, answer.meaning(), answer.queryText())
                        : h.explained(explainer.explain(h)))
            .toList();
    SearchResult result =
        new SearchResult(
            answer.queryText(),
            answer.page().total(),
            answer.page().totalExact(),
            answer.page().allParts(),
            request.offset(),
            request.limit(),
            millisSince(start),
            answer.page().counts(),
            answer.correctedFrom(),
            answer.suggestion(),
            answer.page().total() > answer.page().allParts(),
            answer.page().byMeaning(),
            answer.meaning() != null,
            hits);
    if (results != null && keptChars(result) <= MAX_KEPT_CHARS) {
      results.put(request, new KeptResult(version, meaningReady, result));
    }
    return result;
  }

  /**
   * The query as typed, by meaning too when it is a question; when few passages hold all of it and
   * a word of it is not in the index, the query with its misspellings corrected: the answer when
   * the typed query had no passage holding all of it, else a suggestion. A plain-word query that no
   * passage holds all of is searched by meaning as well.
   */
  private Answer answer(SearchRequest request) {
    String typed = request.query();
    ParsedQuery parsed = parse(typed);
    float[] meaning = usesMeaning(parsed, typed) ? meaningOf(parsed) : null;
    Answer answer =
        new Answer(
            typed, parsed, find(request, parsed, request.limit(), meaning), Map.of(), meaning);
    if (answer.page().allParts() < FEW_HITS && !parsed.terms().isEmpty()) {
      Optional<Correction> correction = engine.correct(typed);
      if (correction.isPresent()) {
        String fixed = correction.get().query();
        ParsedQuery fixedQuery = parse(fixed);
        // Its hits are only wanted if it is to replace the typed query.
        boolean replaces = answer.page().allParts() == 0;
        float[] fixedMeaning = replaces && meaning != null ? meaningOf(fixedQuery) : null;
        EnginePage corrected =
            find(request, fixedQuery, replaces ? request.limit() : 0, fixedMeaning);
        if (replaces && corrected.allParts() > 0) {
          return new Answer(fixed, fixedQuery, corrected, correction.get().fixes(), fixedMeaning)
              .saying(typed, null);
        } else if (corrected.allParts() > answer.page().allParts()) {
          answer = answer.saying(null, fixed);
        }
      }
    }
    if (meaning == null
        && answer.page().allParts() == 0
        && parsed.plainWords()
        && contentWords(typed, parsed) >= 2) {
      // No passage holds every word: what the reader means may be said in other words.
      float[] fallback = meaningOf(parsed);
      if (fallback != null) {
        answer =
            new Answer(
                    typed,
                    parsed,
                    find(request, parsed, request.limit(), fallback),
                    Map.of(),
                    fallback)
                .saying(null, answer.suggestion());
      }
    }
    return answer;
  }

  /**
   * Whether {@code parsed} is searched by meaning from the start: words alone (a phrase, prefix,
   * {@code OR} or exclusion keeps its exact meaning), at least {@value #MEANING_FROM_WORDS} of them
   * that say something, or a question ("who sent troops"). A keyword query of one or two words is
   * searched by words, as fast as before; by meaning only when no passage holds all its words, and
   * never a single word: alone, a word lies close in meaning to too much (measured: "soldiers" to a
   * heading "The metaphor").
   */
  static boolean usesMeaning(ParsedQuery parsed, String typed) {
    if (!parsed.plainWords() || parsed.filtersEverythingOut()) {
      return false;
    }
    int words = contentWords(typed, parsed);
    if (words >= MEANING_FROM_WORDS) {
      return true;
    }
    boolean question =
        typed.strip().endsWith("?")
            || (!parsed.terms().isEmpty()
                && QUESTION_WORDS.contains(
                    parsed.terms().getFirst().text().toLowerCase(Locale.ROOT)));
    return question && words >= 2;
  }

  /**
   * Whether {@code typed} may be searched by meaning: words alone, two or more that say something.
   * A command can tell from this whether it will need the model before it searches.
   */
  public static boolean mayUseMeaning(String typed) {
    ParsedQuery parsed = parse(typed);
    return parsed.plainWords()
        && !parsed.filtersEverythingOut()
        && contentWords(typed, parsed) >= 2;
  }

  /**
   * The distinct words of {@code parsed} that say something: no stopword, no question word, no
   * number alone ({@code [1 TO} is not a question).
   */
  private static int contentWords(String typed, ParsedQuery parsed) {
    return typed.length() > KEPT_UP_TO_CHARS
        ? contentWords(parsed)
        : CONTENT_WORDS.get(typed, t -> contentWords(parsed));
  }

  private static int contentWords(ParsedQuery parsed) {
    Set<String> words = new HashSet<>();
    for (QueryTerm term : parsed.terms()) {
      if (term.kind() == QueryTerm.Kind.WORD && !TextAnalysis.isFillerWord(term.text())) {
        for (String word : TextAnalysis.keywordTerms(term.text())) {
          if (word.chars().anyMatch(Character::isLetter)) {
            words.add(word);
          }
        }
      }
    }
    return words.size();
  }

  /**
   * The query's vector (its words as typed, which the model reads as a sentence); null while the
   * model is not loaded.
   */
  private float[] meaningOf(ParsedQuery parsed) {
    Optional<Embedder> embedder = model.now();
    if (embedder.isEmpty()) {
      return null;
    }
    String words = parsed.terms().stream().map(QueryTerm::text).collect(Collectors.joining(" "));
    return words.length() > KEPT_UP_TO_CHARS
        ? embedder.get().embed(words)
        : meanings.get(words, w -> embedder.get().embed(w));
  }

  private MeaningMarks marks() {
    MeaningMarks made = marks;
    if (made == null) {
      made = new MeaningMarks(model.now().orElseThrow());
      marks = made;
    }
    return made;
  }

  private EnginePage find(SearchRequest request, ParsedQuery query, int limit, float[] meaning) {
    return engine.find(
        new EngineQuery(
            query, request.sources(), request.doc(), request.offset(), limit, meaning, false));
  }

  private static ParsedQuery parse(String typed) {
    return typed.length() > KEPT_UP_TO_CHARS
        ? QuerySyntax.parse(typed)
        : PARSED.get(typed, QuerySyntax::parse);
  }

  /**
   * One way of answering a request, and how it came about.
   *
   * @param typos corrected word → word typed, when the query was corrected
   * @param meaning the query's vector when it was searched by meaning too, else null
   */
  private record Answer(
      String queryText,
      ParsedQuery parsed,
      EnginePage page,
      Map<String, String> typos,
      float[] meaning,
      String correctedFrom,
      String suggestion) {

    Answer(
        String queryText,
        ParsedQuery parsed,
        EnginePage page,
        Map<String, String> typos,
        float[] meaning) {
      this(queryText, parsed, page, typos, meaning, null, null);
    }

    /** This answer, said to come about as given. */
    Answer saying(String correctedFrom, String suggestion) {
      return new Answer(queryText, parsed, page, typos, meaning, correctedFrom, suggestion);
    }
  }

  private static long keptChars(SearchResult result) {
    long chars = 0;
    for (Hit hit : result.hits()) {
      chars += hit.text().length() + hit.highlight().length();
    }
    return chars;
  }

  /** Milliseconds since {@code start} (a {@link System#nanoTime}), to two decimals. */
  private static double millisSince(long start) {
    return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
  }

  /** Completions of the last word, and of the last two words as a phrase, of what is typed. */
  public Completions complete(CompletionRequest request) {
    return new Completions(request.typed(), engine.complete(request));
  }

  /** Every indexed document, ordered by id. */
  public List<DocumentSummary> documents() {
    return engine.documents();
  }

  /** Whether a document with id {@code id} is indexed; cheaper than reading it. */
  public boolean exists(String id) {
    return engine.exists(id);
  }

  /** The document with id {@code id}, its passages in reading order; empty when unknown. */
  public Optional<DocumentView> document(String id) {
    return engine.document(id);
  }

  /** Passages in the index. */
  public int passageCount() {
    return engine.passageCount();
  }

  /**
   * The commentary and comment passages that discuss paragraph {@code paragraph} of document {@code
   * doc}; empty when there is no such paragraph.
   */
  public Optional<List<RelatedPassage>> related(String doc, int paragraph) {
    return engine.related(doc, paragraph);
  }

  /** How many related passages each paragraph of {@code doc} has, for those that have any. */
  public List<RelatedCount> relatedCounts(String doc) {
    return engine.relatedCounts(doc);
  }

  /** The reader comments on document {@code doc}, oldest first. */
  public List<CommentView> commentsOn(String doc) {
    return engine.commentsOn(doc);
  }

  /** Closes the engine's searchers (not an index someone else writes). */
  @Override
  public void close() throws IOException {
    engine.close();
  }
}
