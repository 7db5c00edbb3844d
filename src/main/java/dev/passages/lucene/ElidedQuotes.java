package dev.passages.lucene;

import dev.passages.analysis.TextAnalysis;
import dev.passages.search.Hit;
import dev.passages.search.RelatedPassage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Quotations of a paragraph cut by an elision: "a brutal crackdown, sowing disinformation, …
 * throttling social media". No run of it is a quote by itself ({@value RelatedFinder#QUOTE_WORDS}
 * words), but the commentary puts the runs in quotation marks, and together they are as long.
 * Lucene finds the passages holding a short run of the paragraph; the quotation marks and the runs
 * are checked here.
 */
public final class ElidedQuotes {

  /** Passages holding a run of this many words of the paragraph are candidates. */
  public static final int SEED_WORDS = 3;

  /** A run shorter than this counts for nothing: "and", "of the" are everywhere. */
  static final int MIN_RUN_WORDS = 2;

  /** Text in curly or straight double quotes. */
  private static final Pattern QUOTED = Pattern.compile("“([^”]{1,4000})”|\"([^\"]{1,4000})\"");

  /** An elision: "…", "...", or either in square brackets. */
  private static final Pattern ELISION = Pattern.compile("\\[?(?:…|\\.\\.\\.)\\]?");

  private ElidedQuotes() {}

  /**
   * The passages among those {@code elsewhere} admits that quote {@code paragraph} in runs cut by
   * elisions, each marked at its runs.
   */
  static List<RelatedPassage> find(
      HighlightingSearcher searcher, String paragraph, UnaryOperator<Query> elsewhere)
      throws IOException {
    List<String> words = TextAnalysis.exactTerms(paragraph);
    Query seeds = RelatedFinder.windowsOf(words, SEED_WORDS);
    if (seeds == null) {
      return List.of();
    }
    ScoreDoc[] candidates =
        searcher.search(elsewhere.apply(seeds), RelatedFinder.MAX_PER_REASON).scoreDocs;
    StoredFields stored = searcher.storedFields();
    List<RelatedPassage> quotes = new ArrayList<>();
    for (ScoreDoc candidate : candidates) {
      String text = stored.document(candidate.doc, Set.of(Schema.TEXT)).get(Schema.TEXT);
      Quote quote = quoteIn(text, words);
      if (quote != null) {
        List<Hit> hits = Hits.read(searcher, quote.marks(), new ScoreDoc[] {candidate}, 0);
        quotes.add(new RelatedPassage("quote", hits.getFirst(), quote.text(), null));
      }
    }
    return quotes;
  }

  /** A quotation found: as it stands in the commentary, and a query marking its runs. */
  public record Quote(String text, Query marks) {}

  /** The first quotation in {@code text} whose runs, cut at elisions, are runs of {@code words}. */
  public static Quote quoteIn(String text, List<String> words) {
    Matcher quoted = QUOTED.matcher(text);
    while (quoted.find()) {
      int group = quoted.group(1) != null ? 1 : 2;
      int start = quoted.start(group);
      String inside = quoted.group(group);
      List<int[]> runs = new ArrayList<>();
      Matcher elision = ELISION.matcher(inside);
      int from = 0;
      while (elision.find()) {
        runs.add(new int[] {from, elision.start()});
        from = elision.end();
      }
      runs.add(new int[] {from, inside.length()});
      if (runs.size() < 2) {
        continue; // no elision: a whole quote is found as one phrase
      }
      BooleanQuery.Builder marks = new BooleanQuery.Builder();
      int matchedWords = 0;
      int matchedRuns = 0;
      int first = -1;
      int last = -1;
      for (int[] run : runs) {
        List<String> runWords = TextAnalysis.exactTerms(inside.substring(run[0], run[1]));
        if (runWords.size() >= MIN_RUN_WORDS && Collections.indexOfSubList(words, runWords) >= 0) {
          matchedWords += runWords.size();
          matchedRuns++;
          marks.add(phrase(runWords), Occur.SHOULD);
          first = first < 0 ? run[0] : first;
          last = run[1];
        }
      }
      if (matchedRuns >= 2 && matchedWords >= RelatedFinder.QUOTE_WORDS) {
        return new Quote(text.substring(start + first, start + last).strip(), marks.build());
      }
    }
    return null;
  }

  private static Query phrase(List<String> words) {
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    for (int i = 0; i < words.size(); i++) {
      phrase.add(new Term(Schema.TEXT_EXACT, words.get(i)), i);
    }
    return phrase.build();
  }
}
