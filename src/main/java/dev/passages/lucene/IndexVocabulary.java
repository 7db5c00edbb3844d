package dev.passages.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/** The {@link Vocabulary} of an embedded index, read from its term dictionary and postings. */
final class IndexVocabulary implements Vocabulary {

  private static final DirectSpellChecker ONE_EDIT = checker(1);
  private static final DirectSpellChecker TWO_EDITS = checker(2);

  private final IndexSearcher searcher;
  private final IndexReader reader;

  IndexVocabulary(IndexSearcher searcher) {
    this.searcher = searcher;
    this.reader = searcher.getIndexReader();
  }

  /**
   * Whether any segment holds the word: the first that does answers, where {@code docFreq} would
   * look it up in every one (a few microseconds each on a large index).
   */
  @Override
  public boolean contains(String word) throws IOException {
    BytesRef bytes = new BytesRef(word);
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(Schema.TEXT_EXACT);
      if (terms != null && terms.iterator().seekExact(bytes)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Optional<String> closest(String word, int maxEdits) throws IOException {
    SuggestWord[] suggestions =
        (maxEdits == 1 ? ONE_EDIT : TWO_EDITS)
            .suggestSimilar(
                new Term(Schema.TEXT_EXACT, word),
                1,
                reader,
                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    return suggestions.length == 0 ? Optional.empty() : Optional.of(suggestions[0].string);
  }

  @Override
  public List<Map.Entry<String, Integer>> startingWith(String prefix, int max) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, Schema.TEXT_EXACT);
    List<Map.Entry<String, Integer>> matches = new ArrayList<>();
    if (terms == null || prefix.isEmpty()) {
      return matches;
    }
    BytesRef start = new BytesRef(prefix);
    TermsEnum iterator = terms.iterator();
    if (iterator.seekCeil(start) == TermsEnum.SeekStatus.END) {
      return matches;
    }
    int scanned = 0;
    for (BytesRef term = iterator.term();
        term != null && StringHelper.startsWith(term, start) && scanned++ < max;
        term = iterator.next()) {
      matches.add(Map.entry(term.utf8ToString(), iterator.docFreq()));
    }
    return matches;
  }

  @Override
  public int frequency(String word) throws IOException {
    return reader.docFreq(new Term(Schema.TEXT_EXACT, word));
  }

  @Override
  public Map<String, Integer> pairCounts(String previous, List<String> next, int cap)
      throws IOException {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String word : next) {
      int count =
          searcher.search(new PhraseQuery(Schema.TEXT_EXACT, previous, word), new CappedCount(cap));
      if (count > 0) {
        counts.put(word, count);
      }
    }
    return counts;
  }

  @Override
  public List<String> textsHolding(String word, int max) throws IOException {
    // Constant scores: the first passages in index order, and the search stops once it has them.
    ConstantScoreQuery holding =
        new ConstantScoreQuery(new TermQuery(new Term(Schema.TEXT_EXACT, word)));
    StoredFields stored = searcher.storedFields();
    List<String> texts = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(holding, max).scoreDocs) {
      texts.add(stored.document(hit.doc, Set.of(Schema.TEXT)).get(Schema.TEXT));
    }
    return texts;
  }

  private static DirectSpellChecker checker(int maxEdits) {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(maxEdits);
    return checker;
  }
}
