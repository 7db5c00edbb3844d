package dev.passages.lucene;

import dev.passages.analysis.TextAnalysis;
import dev.passages.corpus.Source;
import dev.passages.search.ParsedQuery;
import dev.passages.search.QuerySyntax;
import dev.passages.search.QueryTerm;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Turns a {@link ParsedQuery} into a Lucene query over the {@link Schema}. */
final class LuceneQueries {

  /**
   * Prefixes shorter than this are searched as words: {@code a*} would expand to half the index.
   */
  static final int MIN_PREFIX_CHARS = 2;

  /** What each matched part adds in a relaxed query, so coverage decides the order first. */
  static final float COVERAGE_WEIGHT = 100f;

  /** A hyphen or dash between two letters or digits: {@code Sino-Kazakh}, {@code 12th-largest}. */
  private static final Pattern HYPHENATED = Pattern.compile("[\\p{L}\\p{N}]-[\\p{L}\\p{N}]");

  /** Everything but fuzzy terms (which arrive with typo tolerance) and escapes. */
  private static final int FLAGS =
      SimpleQueryParser.AND_OPERATOR
          | SimpleQueryParser.NOT_OPERATOR
          | SimpleQueryParser.OR_OPERATOR
          | SimpleQueryParser.PREFIX_OPERATOR
          | SimpleQueryParser.PHRASE_OPERATOR
          | SimpleQueryParser.PRECEDENCE_OPERATORS
          | SimpleQueryParser.WHITESPACE_OPERATOR
          | SimpleQueryParser.NEAR_OPERATOR;

  private LuceneQueries() {}

  /**
   * A query to run, the part of it that decides what matches, and what to mark in the passages
   * found: the ranking signals (words near each other, forms as typed) order the hits but are not
   * what the reader asked to see marked.
   *
   * @param marked marks the same words as {@code matching} in a passage it matches, more cheaply
   */
  record PassageQuery(Query ranked, Query matching, Query marked) {

    PassageQuery(Query ranked, Query matching) {
      this(ranked, matching, matching);
    }

    /** A listing ranks nothing: its passages come in reading order. */
    boolean listing() {
      return ranked == matching && !(ranked instanceof MatchNoDocsQuery);
    }
  }

  /** The Lucene query for {@code parsed}; a {@link MatchNoDocsQuery} when nothing can match. */
  static PassageQuery toLucene(ParsedQuery parsed) {
    if (parsed.filtersEverythingOut()) {
      return nothing("no such source: " + parsed.unknownSources());
    }
    Parser parser = new Parser();
    Query text;
    if (!parsed.expression().isBlank()) {
      text = parser.parse(parsed.expression());
    } else if (!parsed.sources().isEmpty() || !parsed.excludedSources().isEmpty()) {
      text = MatchAllDocsQuery.INSTANCE; // "source:comment" alone lists that source
    } else {
      return nothing("empty query");
    }
    if (text instanceof MatchNoDocsQuery) {
      return new PassageQuery(text, text);
    }
    return finish(parsed, parser, text, true);
  }

  /** Passages from any of {@code sources}. */
  static Query anySource(Collection<Source> sources) {
    BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
    for (Source source : sources) {
      anyOf.add(new TermQuery(new Term(Schema.SOURCE, source.id())), Occur.SHOULD);
    }
    return anyOf.build();
  }

  private static PassageQuery nothing(String why) {
    Query none = new MatchNoDocsQuery(why);
    return new PassageQuery(none, none);
  }

  /**
   * The distinct words, phrases and prefixes of {@code parsed} that can match anything, less the
   * words that only frame a question ("what did … say about"), which a relaxed query must not count
   * as half of what the reader asked.
   */
  private static List<Query> parts(ParsedQuery parsed, Parser parser) {
    Set<Query> parts = new LinkedHashSet<>();
    for (QueryTerm term : parsed.terms()) {
      if (term.kind() == QueryTerm.Kind.WORD && TextAnalysis.isFillerWord(term.text())) {
        continue;
      }
      Query part =
          switch (term.kind()) {
            case WORD -> parser.newDefaultQuery(term.text());
            case PHRASE -> parser.newPhraseQuery(term.text(), 0);
            case PREFIX -> parser.newPrefixQuery(term.text());
          };
      if (part != null) {
        parts.add(part);
      }
    }
    return List.copyOf(parts);
  }

  /** How many distinct searchable parts {@code parsed} has: stopwords and repeats do not count. */
  static int partCount(ParsedQuery parsed) {
    return parts(parsed, new Parser()).size();
  }

  /**
   * A looser query for when requiring every word finds too little: at least half of the query's
   * words and phrases must match, and passages covering more of them come first (each part adds a
   * fixed {@value #COVERAGE_WEIGHT} to the score, far above what BM25 adds). Empty for a query of
   * fewer than two parts, which has nothing to relax.
   */
  static Optional<PassageQuery> relaxed(ParsedQuery parsed) {
    Parser parser = new Parser();
    List<Query> parts = parts(parsed, parser);
    if (parts.size() < 2 || parsed.filtersEverythingOut()) {
      return Optional.empty();
    }
    BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
    for (Query part : parts) {
      anyOf.add(
          new BooleanQuery.Builder()
              .add(new BoostQuery(new ConstantScoreQuery(part), COVERAGE_WEIGHT), Occur.SHOULD)
              .add(part, Occur.SHOULD)
              .build(),
          Occur.SHOULD);
    }
    anyOf.setMinimumNumberShouldMatch((parts.size() + 1) / 2);
    // No nearness signal: only passages with every word can have them near each other, and a
    // query is relaxed because fewer than three passages have every word; those already come
    // first by coverage. Checking the positions of every word of a long question in every
    // passage holding half of them was a sixth of its cost at a million paragraphs.
    PassageQuery relaxed = finish(parsed, parser, anyOf.build(), false);
    // In a passage that has half of the parts, each part it has is marked: any of the parts marks
    // the same words, without the coverage scores and the minimum to match, which Lucene would
    // otherwise set up again for every passage marked (a third of a relaxed search).
    BooleanQuery.Builder anyPart = new BooleanQuery.Builder();
    for (Query part : parts) {
      anyPart.add(part, Occur.SHOULD);
    }
    return Optional.of(new PassageQuery(relaxed.ranked(), relaxed.matching(), anyPart.build()));
  }

  /** Adds the ranking signals and the query's own source filters to {@code text}. */
  private static PassageQuery finish(
      ParsedQuery parsed, Parser parser, Query text, boolean nearness) {
    BooleanQuery.Builder filters = new BooleanQuery.Builder();
    if (!parsed.sources().isEmpty()) {
      filters.add(anySource(parsed.sources()), Occur.FILTER);
    }
    for (Source source : parsed.excludedSources()) {
      filters.add(new TermQuery(new Term(Schema.SOURCE, source.id())), Occur.MUST_NOT);
    }
    Query matching = filters.add(text, Occur.MUST).build();
    if (text instanceof MatchAllDocsQuery) {
      return new PassageQuery(matching, matching); // a listing: reading order, no ranking
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(matching, Occur.MUST);
    List<String> words =
        parsed.terms().stream()
            .filter(t -> t.kind() == QueryTerm.Kind.WORD)
            .map(QueryTerm::text)
            .distinct()
            .toList();
    for (String word : words) {
      // A word the keyword view drops (a stopword) or one of Snowball's longer stop list ("what",
      // "about", "not", "more") has no forms worth telling apart, while its postings in the exact
      // view are among the longest: for a long question at a million paragraphs they were a sixth
      // of the search.
      if (TextAnalysis.isFillerWord(word)
          || parser.createBooleanQuery(Schema.TEXT, word, Occur.MUST) == null) {
        continue;
      }
      // The form as typed, unstemmed: "investments" ranks "investments" above "investment".
      Query exact = parser.createBooleanQuery(Schema.TEXT_EXACT, word, Occur.MUST);
      if (exact != null) {
        query.add(new BoostQuery(exact, Ranking.EXACT_FORM_BOOST), Occur.SHOULD);
      }
    }
    if (nearness && words.size() > 1 && words.size() <= Ranking.NEAR_MAX_WORDS) {
      // The words near each other: passages where they stand together beat scattered ones.
      Query near =
          parser.createPhraseQuery(Schema.TEXT, String.join(" ", words), Ranking.NEAR_SLOP);
      if (near != null) {
        query.add(new BoostQuery(near, Ranking.NEAR_BOOST), Occur.SHOULD);
      }
    }
    // Titles and headings are short, which BM25 rewards; their stored weight evens that out.
    return new PassageQuery(new PassageWeightQuery(query.build()), matching);
  }

  /**
   * Lucene's lenient parser with our two views: plain words go to the keyword view, phrases and
   * prefixes to the exact view. Like OpenSearch's {@code quote_field_suffix}.
   */
  private static final class Parser extends SimpleQueryParser {
    Parser() {
      super(Schema.ANALYZER, Map.of(Schema.TEXT, 1f), FLAGS);
      setDefaultOperator(Occur.MUST);
    }

    @Override
    public Query newDefaultQuery(String text) {
      if (HYPHENATED.matcher(text).find()) {
        // The parts of a hyphenated word must stand together, as written.
        return createPhraseQuery(Schema.TEXT, text, 0);
      }
      return super.newDefaultQuery(text);
    }

    @Override
    public Query newPhraseQuery(String text, int slop) {
      return createPhraseQuery(Schema.TEXT_EXACT, text, Math.min(slop, QuerySyntax.MAX_SLOP));
    }

    @Override
    public Query newPrefixQuery(String text) {
      if (text.codePointCount(0, text.length()) < MIN_PREFIX_CHARS) {
        return newDefaultQuery(text);
      }
      Term prefix = new Term(Schema.TEXT_EXACT, getAnalyzer().normalize(Schema.TEXT_EXACT, text));
      return new PrefixQuery(prefix);
    }
  }
}
