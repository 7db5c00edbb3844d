package dev.passages.lucene;

import dev.passages.analysis.TextAnalysis;
import dev.passages.corpus.Source;
import dev.passages.search.ParsedQuery;
import dev.passages.search.QuerySyntax;
import dev.passages.search.QueryTerm;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
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
public final class LuceneQueries {

  /**
   * Prefixes shorter than this are searched as words: {@code a*} would expand to half the index.
   */
  static final int MIN_PREFIX_CHARS = 2;

  /**
   * At most this many parts of a query are searched: a longer one (a pasted paragraph) is cut down
   * to its most telling words, as MoreLikeThis picks them, which bounds what it costs. Both engines
   * cut there.
   */
  public static final int MAX_QUERY_PARTS = 32;

  /**
   * What holding every part of a query adds to a passage's score: more than BM25 gives for all the
   * parts of a long query together (each at most about 30 at a million passages), so those passages
   * come first, and little enough that a float still tells their BM25 scores apart.
   */
  public static final float ALL_PARTS_BONUS = 10_000f;

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
   * @param all the passages holding every part of a query of several parts; null for a query of one
   *     part (or a listing), where every match holds it
   * @param parts the query's distinct parts (words, phrases, prefixes, OR-groups), fillers aside
   */
  public record PassageQuery(
      Query ranked, Query matching, Query marked, Query all, List<Query> parts) {

    PassageQuery(Query ranked, Query matching) {
      this(ranked, matching, matching, null, List.of(matching));
    }

    /** A listing ranks nothing: its passages come in reading order. */
    public boolean listing() {
      return ranked == matching && !(ranked instanceof MatchNoDocsQuery);
    }
  }

  /** The Lucene query for {@code parsed}; a {@link MatchNoDocsQuery} when nothing can match. */
  static PassageQuery toLucene(ParsedQuery parsed) {
    return toLucene(parsed, term -> true);
  }

  /**
   * As {@link #toLucene(ParsedQuery)}, keeping of its single-word parts only those whose keyword
   * view term {@code keepWord} accepts: how a very long query is cut down to its telling words.
   */
  public static PassageQuery toLucene(ParsedQuery parsed, Predicate<String> keepWord) {
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
    return finish(parsed, parser, text, keepWord);
  }

  /** {@code query} weighed by {@code boost}; itself when that is 1, as a rewrite would leave it. */
  private static Query boosted(Query query, float boost) {
    return boost == 1f ? query : new BoostQuery(query, boost);
  }

  /** Passages from any of {@code sources}. */
  public static Query anySource(Collection<Source> sources) {
    if (sources.size() == 1) {
      // One source is its term, as a rewrite would leave it.
      return new TermQuery(new Term(Schema.SOURCE, sources.iterator().next().id()));
    }
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
   * The query's top-level parts, as the parser joined them with AND: what the reader wants (words,
   * phrases, prefixes, OR-groups, each as often as typed) and what they exclude; {@code cut} when
   * some part the reader typed was left out of {@code wanted} (a filler word, a word a long query
   * was cut of).
   */
  private record Parts(List<Query> wanted, List<Query> excluded, boolean cut) {

    /** The wanted parts without repeats. */
    List<Query> distinct() {
      return List.copyOf(new LinkedHashSet<>(wanted));
    }

    /**
     * These parts less the single words whose term {@code keepWord} refuses. A phrase of one word
     * is a term query too, in the exact view: it is kept, as every phrase is.
     */
    Parts keeping(Predicate<String> keepWord) {
      List<Query> kept =
          wanted.stream()
              .filter(
                  q ->
                      !(q instanceof TermQuery t && t.getTerm().field().equals(Schema.TEXT))
                          || keepWord.test(t.getTerm().text()))
              .toList();
      return kept.isEmpty() || kept.size() == wanted.size()
          ? this
          : new Parts(kept, excluded, true);
    }
  }

  /**
   * Splits the parsed {@code text} into its parts. The words that only frame a question ("what did
   * … say about") are left out when something else is asked: they are in most passages and say
   * nothing of what the reader wants.
   */
  private static Parts parts(ParsedQuery parsed, Parser parser, Query text) {
    List<Query> wanted = new ArrayList<>();
    List<Query> excluded = new ArrayList<>();
    if (text instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0) {
      for (BooleanClause clause : bool.clauses()) {
        Query excludedPart = exclusion(clause.query());
        if (clause.occur() == Occur.MUST_NOT) {
          excluded.add(clause.query());
        } else if (clause.occur() == Occur.MUST && excludedPart != null) {
          excluded.add(excludedPart);
        } else if (clause.occur() == Occur.MUST) {
          wanted.add(clause.query());
        } else {
          return new Parts(List.of(text), List.of(), false); // an OR at the top: one part
        }
      }
    } else {
      wanted.add(text);
    }
    Set<Query> fillers = new HashSet<>();
    for (QueryTerm term : parsed.terms()) {
      if (term.kind() == QueryTerm.Kind.WORD && TextAnalysis.isFillerWord(term.text())) {
        Query filler = parser.newDefaultQuery(term.text());
        if (filler != null) {
          fillers.add(filler);
        }
      }
    }
    List<Query> content = wanted.stream().filter(q -> !fillers.contains(q)).toList();
    return content.isEmpty() || content.size() == wanted.size()
        ? new Parts(wanted, excluded, false)
        : new Parts(content, excluded, true);
  }

  /**
   * What {@code part} excludes when it is the parser's form of a negation, {@code (-x *:*)}; else
   * null.
   */
  private static Query exclusion(Query part) {
    if (!(part instanceof BooleanQuery bool) || bool.clauses().size() != 2) {
      return null;
    }
    Query excluded = null;
    boolean all = false;
    for (BooleanClause clause : bool.clauses()) {
      if (clause.occur() == Occur.MUST_NOT) {
        excluded = clause.query();
      } else if (clause.query() instanceof MatchAllDocsQuery) {
        all = true;
      }
    }
    return all ? excluded : null;
  }

  /**
   * Adds the ranking signals and the query's own source filters to {@code text}. A query of several
   * parts matches every passage holding any of them, ranked by BM25 over the parts it holds; those
   * holding every part come first (each gets {@value #ALL_PARTS_BONUS} on top, far above what BM25
   * gives), so that a keyword query shows its all-words matches first and a question in the
   * reader's own words is never answered with nothing.
   */
  private static PassageQuery finish(
      ParsedQuery parsed, Parser parser, Query text, Predicate<String> keepWord) {
    BooleanQuery.Builder filters = new BooleanQuery.Builder();
    if (!parsed.sources().isEmpty()) {
      filters.add(anySource(parsed.sources()), Occur.FILTER);
    }
    for (Source source : parsed.excludedSources()) {
      filters.add(new TermQuery(new Term(Schema.SOURCE, source.id())), Occur.MUST_NOT);
    }
    if (text instanceof MatchAllDocsQuery) {
      Query matching = filters.add(text, Occur.MUST).build();
      return new PassageQuery(matching, matching); // a listing: reading order, no ranking
    }
    Parts parts = parts(parsed, parser, text).keeping(keepWord);
    List<Query> distinct = parts.distinct();
    Query all = null;
    Query any;
    if (distinct.size() <= 1 && !parts.cut()) {
      any = text;
    } else {
      // A part typed twice counts twice, as in a plain BM25 query of the same words.
      BooleanQuery.Builder anyPart = new BooleanQuery.Builder();
      parts.wanted().forEach(part -> anyPart.add(part, Occur.SHOULD));
      parts.excluded().forEach(excluded -> anyPart.add(excluded, Occur.MUST_NOT));
      any = anyPart.build();
      // One part left ("what uranium" is uranium): every match holds it all.
      if (distinct.size() > 1) {
        BooleanQuery.Builder everyPart = new BooleanQuery.Builder();
        distinct.forEach(part -> everyPart.add(part, Occur.MUST));
        parts.excluded().forEach(excluded -> everyPart.add(excluded, Occur.MUST_NOT));
        all = everyPart.build();
      }
    }
    // Each query below is built as Lucene's rewrite would leave it (no clause wrapped alone, no
    // boost of 1, the constant-score clause's parts as filters): rewriting then changes nothing,
    // where it rebuilt the ranked query's tree at every search and then rewrote it again to find
    // it settled: the query mix costs 1-2 % less (both ways in turn in one JVM). Queries with
    // source filters, groups, exclusions or prefixes still take a second pass (18 of the bench's
    // 20 do not); their scores are the same either way.
    List<BooleanClause> filterClauses = filters.build().clauses();
    Query bonus = null;
    if (all != null) {
      // The query's own source filters hold for "every part" as for any.
      BooleanQuery.Builder allFilter = new BooleanQuery.Builder();
      distinct.forEach(part -> allFilter.add(part, Occur.FILTER));
      parts.excluded().forEach(excluded -> allFilter.add(excluded, Occur.MUST_NOT));
      filterClauses.forEach(allFilter::add);
      bonus = allFilter.build();
      if (!filterClauses.isEmpty()) {
        BooleanQuery.Builder allFiltered = new BooleanQuery.Builder().add(all, Occur.MUST);
        filterClauses.forEach(allFiltered::add);
        all = allFiltered.build();
      }
    }
    Query matching = filterClauses.isEmpty() ? any : filters.add(any, Occur.MUST).build();
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(matching, Occur.MUST);
    List<String> words =
        parsed.terms().stream()
            .filter(t -> t.kind() == QueryTerm.Kind.WORD)
            .map(QueryTerm::text)
            .filter(w -> !TextAnalysis.isFillerWord(w))
            .distinct()
            .toList();
    // Past a few words (a question, a pasted paragraph) these signals cost more than they tell.
    if (words.size() <= Ranking.NEAR_MAX_WORDS) {
      for (String word : words) {
        // A word the keyword view drops (a stopword) has no forms worth telling apart.
        if (parser.createBooleanQuery(Schema.TEXT, word, Occur.MUST) == null) {
          continue;
        }
        // The form as typed, unstemmed: "investments" ranks "investments" above "investment".
        Query exact = parser.createBooleanQuery(Schema.TEXT_EXACT, word, Occur.MUST);
        if (exact != null) {
          query.add(new BoostQuery(exact, Ranking.EXACT_FORM_BOOST), Occur.SHOULD);
        }
      }
      if (words.size() > 1) {
        // The words near each other: passages where they stand together beat scattered ones.
        Query near =
            parser.createPhraseQuery(Schema.TEXT, String.join(" ", words), Ranking.NEAR_SLOP);
        if (near != null) {
          query.add(boosted(near, Ranking.NEAR_BOOST), Occur.SHOULD);
        }
      }
    }
    // Titles and headings are short, which BM25 rewards; their stored weight evens that out.
    BooleanQuery signalled = query.build();
    Query ranked = new PassageWeightQuery(signalled.clauses().size() == 1 ? matching : signalled);
    if (all != null) {
      ranked =
          new BooleanQuery.Builder()
              .add(ranked, Occur.MUST)
              .add(new BoostQuery(new ConstantScoreQuery(bonus), ALL_PARTS_BONUS), Occur.SHOULD)
              .build();
    }
    // Each part marks its own words: without the filters and signals, which Lucene would otherwise
    // set up again for every passage marked.
    return new PassageQuery(ranked, matching, any, all, distinct);
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
