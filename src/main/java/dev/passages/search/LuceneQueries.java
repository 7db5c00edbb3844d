package dev.passages.search;

import dev.passages.corpus.Source;
import dev.passages.index.Schema;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
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

  /** The Lucene query for {@code parsed}; a {@link MatchNoDocsQuery} when nothing can match. */
  static Query toLucene(ParsedQuery parsed) {
    if (parsed.filtersEverythingOut()) {
      return new MatchNoDocsQuery("no such source: " + parsed.unknownSources());
    }
    Query text;
    if (!parsed.expression().isBlank()) {
      text = new Parser().parse(parsed.expression());
    } else if (!parsed.sources().isEmpty() || !parsed.excludedSources().isEmpty()) {
      text = MatchAllDocsQuery.INSTANCE; // "source:comment" alone lists that source
    } else {
      return new MatchNoDocsQuery("empty query");
    }
    if (text instanceof MatchNoDocsQuery) {
      return text;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
    if (!parsed.sources().isEmpty()) {
      BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
      for (Source source : parsed.sources()) {
        anyOf.add(new TermQuery(new Term(Schema.SOURCE, source.id())), Occur.SHOULD);
      }
      query.add(anyOf.build(), Occur.FILTER);
    }
    for (Source source : parsed.excludedSources()) {
      query.add(new TermQuery(new Term(Schema.SOURCE, source.id())), Occur.MUST_NOT);
    }
    return query.build();
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
    protected Query newDefaultQuery(String text) {
      if (HYPHENATED.matcher(text).find()) {
        // The parts of a hyphenated word must stand together, as written.
        return createPhraseQuery(Schema.TEXT, text, 0);
      }
      return super.newDefaultQuery(text);
    }

    @Override
    protected Query newPhraseQuery(String text, int slop) {
      return createPhraseQuery(Schema.TEXT_EXACT, text, Math.min(slop, QuerySyntax.MAX_SLOP));
    }

    @Override
    protected Query newPrefixQuery(String text) {
      if (text.codePointCount(0, text.length()) < MIN_PREFIX_CHARS) {
        return newDefaultQuery(text);
      }
      Term prefix = new Term(Schema.TEXT_EXACT, getAnalyzer().normalize(Schema.TEXT_EXACT, text));
      return new PrefixQuery(prefix);
    }
  }
}
