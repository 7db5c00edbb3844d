package dev.passages.search;

import dev.passages.analysis.Typography;
import dev.passages.corpus.Source;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the query language users type, and never fails: broken syntax degrades to literal words.
 *
 * <pre>
 *   sanctions China       every word must match (stemmed: investments finds investment)
 *   "color revolution"    exact phrase, every word kept, not stemmed; curly quotes work too
 *   "Putin West"~3        phrase with up to 3 positions of slop
 *   -word  -"a phrase"    exclude; NOT word is the same
 *   oil OR gas            either; OR binds tighter than the implicit AND
 *   ( a b ) OR c          grouping
 *   kazakh*               prefix (at least two letters; a leading * is literal)
 *   source:commentary     only that source (article, commentary, comment; a|b for several)
 * </pre>
 *
 * <p>It only rewrites the text into Lucene's simple query syntax (see {@link ParsedQuery}); the
 * parsing proper is Lucene's {@code SimpleQueryParser}. What it adds: typography folded (curly
 * quotes are phrase quotes), {@code OR}/{@code AND}/{@code NOT} as words, OR grouped tightly, and
 * {@code source:} pulled out as a filter. The rewrite does not depend on how the index is stored.
 */
public final class QuerySyntax {

  /** Slop larger than this is cut down to it; beyond it a "phrase" is just an AND. */
  public static final int MAX_SLOP = 50;

  private static final String SOURCE_PREFIX = "source:";

  private static final Pattern WORD_IN_PHRASE = Pattern.compile("[^\\s()|+\\\\]+");

  private final List<Token> tokens;
  private final Set<Source> sources = EnumSet.noneOf(Source.class);
  private final Set<Source> excluded = EnumSet.noneOf(Source.class);
  private final List<String> unknown = new ArrayList<>();
  private final List<QueryTerm> terms = new ArrayList<>();
  private boolean operators;
  private int next;

  private QuerySyntax(String text) {
    this.tokens = Lexer.tokens(Typography.fold(text));
  }

  /** Reads {@code query}; any string is accepted. */
  public static ParsedQuery parse(String query) {
    QuerySyntax syntax = new QuerySyntax(query);
    List<String> parts = new ArrayList<>();
    while (syntax.next < syntax.tokens.size()) {
      String part = syntax.sequence();
      if (!part.isEmpty()) {
        parts.add(part);
      }
      syntax.next++; // a closing bracket that nothing opened
    }
    String expression = String.join(" ", parts);
    boolean plainWords =
        !syntax.operators && syntax.terms.stream().allMatch(t -> t.kind() == QueryTerm.Kind.WORD);
    return new ParsedQuery(
        expression, syntax.sources, syntax.excluded, syntax.unknown, syntax.terms, plainWords);
  }

  /** Atoms up to a closing bracket or the end; runs joined by OR become one group. */
  private String sequence() {
    List<List<String>> groups = new ArrayList<>();
    boolean orPending = false;
    boolean notPending = false;
    while (next < tokens.size() && tokens.get(next).kind() != Kind.CLOSE) {
      Token token = tokens.get(next++);
      if (token.isOperator("OR")) {
        orPending = !groups.isEmpty();
        operators |= orPending;
        continue;
      }
      if (token.isOperator("AND")) {
        continue;
      }
      if (token.isOperator("NOT")) {
        notPending = true;
        continue;
      }
      String atom = atom(token, notPending);
      notPending = false;
      if (atom.isEmpty()) {
        continue;
      }
      if (orPending) {
        groups.getLast().add(atom);
      } else {
        groups.add(new ArrayList<>(List.of(atom)));
      }
      orPending = false;
    }
    List<String> rendered = new ArrayList<>();
    for (List<String> group : groups) {
      rendered.add(group.size() == 1 ? group.getFirst() : "(" + String.join(" | ", group) + ")");
    }
    return String.join(" ", rendered);
  }

  private String atom(Token token, boolean notPending) {
    boolean negated = notPending ^ (token.negations() % 2 == 1);
    // Excluding a source is a filter, which meaning-based search applies as well.
    operators |=
        negated
            && !(token.kind() == Kind.WORD
                && token.text().regionMatches(true, 0, SOURCE_PREFIX, 0, SOURCE_PREFIX.length()));
    String sign = negated ? "-" : "";
    return switch (token.kind()) {
      case WORD -> word(token.text(), negated, sign);
      case PHRASE -> {
        if (!negated && !token.text().isBlank()) {
          terms.add(new QueryTerm(QueryTerm.Kind.PHRASE, phraseWords(token.text())));
        }
        yield token.text().isBlank() ? "" : sign + token.text();
      }
      case OPEN -> {
        String inner = sequence();
        if (next < tokens.size()) {
          next++; // the closing bracket
        }
        yield inner.isEmpty() ? "" : sign + "(" + inner + ")";
      }
      case CLOSE -> "";
    };
  }

  private String word(String text, boolean negated, String sign) {
    if (text.regionMatches(true, 0, SOURCE_PREFIX, 0, SOURCE_PREFIX.length())
        && text.length() > SOURCE_PREFIX.length()) {
      for (String name : text.substring(SOURCE_PREFIX.length()).split("[|,]")) {
        if (name.isEmpty()) {
          continue;
        }
        Source.byId(name)
            .ifPresentOrElse(
                s -> (negated ? excluded : sources).add(s),
                () -> {
                  if (!negated) {
                    unknown.add(name.toLowerCase(Locale.ROOT));
                  }
                });
      }
      return "";
    }
    if (!negated) {
      boolean prefix = text.endsWith("*") && text.length() > 1;
      terms.add(
          new QueryTerm(
              prefix ? QueryTerm.Kind.PREFIX : QueryTerm.Kind.WORD,
              prefix ? text.substring(0, text.length() - 1) : text));
    }
    return sign + text;
  }

  /** The words of a phrase token ({@code "a b"~2} → {@code a b}). */
  private static String phraseWords(String phrase) {
    return phrase.substring(1, phrase.lastIndexOf('"'));
  }

  /**
   * The query with every plain word, and every word inside a phrase, passed through {@code
   * replace}; operators, quotes, prefixes and {@code source:} filters stay as they are. Used to
   * build a corrected query that keeps the user's syntax.
   */
  public static String replaceWords(String query, UnaryOperator<String> replace) {
    String text = Typography.fold(query);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (Token token : Lexer.tokens(text)) {
      if (token.kind() == Kind.WORD) {
        String word = token.text();
        boolean operator = word.equals("OR") || word.equals("AND") || word.equals("NOT");
        boolean special =
            word.endsWith("*")
                || word.regionMatches(true, 0, SOURCE_PREFIX, 0, SOURCE_PREFIX.length());
        if (!operator && !special) {
          out.append(text, copied, token.start()).append(replace.apply(word));
          copied = token.end();
        }
      } else if (token.kind() == Kind.PHRASE) {
        Matcher words = WORD_IN_PHRASE.matcher(text).region(token.start(), token.end());
        while (words.find()) {
          out.append(text, copied, words.start()).append(replace.apply(words.group()));
          copied = words.end();
        }
      }
    }
    return out.append(text.substring(copied)).toString();
  }

  enum Kind {
    WORD,
    PHRASE,
    OPEN,
    CLOSE
  }

  /**
   * A lexical unit.
   *
   * @param text a word as typed, or a phrase already in simple syntax ({@code "a b"~2})
   * @param negations how many {@code -} stood before it
   */
  record Token(Kind kind, String text, int negations, int start, int end) {
    boolean isOperator(String word) {
      return kind == Kind.WORD && negations == 0 && text.equals(word);
    }
  }

  /** Splits query text into words, phrases and brackets. */
  private static final class Lexer {
    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Lexer(String text) {
      this.text = text;
    }

    static List<Token> tokens(String text) {
      Lexer lexer = new Lexer(text);
      lexer.run();
      return lexer.tokens;
    }

    private void run() {
      while (pos < text.length()) {
        if (Character.isWhitespace(text.charAt(pos))) {
          pos++;
          continue;
        }
        int negations = 0;
        while (pos < text.length() && text.charAt(pos) == '-') {
          negations++;
          pos++;
        }
        if (pos >= text.length()) {
          break;
        }
        char c = text.charAt(pos);
        if (c == '"') {
          phrase(negations);
        } else if (c == '(') {
          pos++;
          tokens.add(new Token(Kind.OPEN, "(", negations, pos - 1, pos));
        } else if (c == ')') {
          pos++;
          tokens.add(new Token(Kind.CLOSE, ")", 0, pos - 1, pos));
        } else {
          word(negations);
        }
      }
    }

    private void phrase(int negations) {
      int close = text.indexOf('"', pos + 1);
      if (close < 0) {
        pos++; // an unpaired quote is ignored; what follows is read as words
        return;
      }
      // Operators mean nothing inside a phrase; Lucene's parser would still act on them.
      String words = text.substring(pos + 1, close).replaceAll("[()|+\\\\\\s]+", " ").strip();
      int contentStart = pos + 1;
      pos = close + 1;
      String slop = "";
      int digits = pos + 1;
      while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
        digits++;
      }
      if (pos < text.length() && text.charAt(pos) == '~' && digits > pos + 1) {
        long value = Long.parseLong(text.substring(pos + 1, Math.min(digits, pos + 10)));
        slop = "~" + Math.min(value, MAX_SLOP);
        pos = digits;
      }
      tokens.add(
          new Token(
              Kind.PHRASE,
              words.isEmpty() ? "" : '"' + words + '"' + slop,
              negations,
              contentStart,
              close));
    }

    private void word(int negations) {
      int start = pos;
      while (pos < text.length()
          && !Character.isWhitespace(text.charAt(pos))
          && "\"()".indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      tokens.add(new Token(Kind.WORD, text.substring(start, pos), negations, start, pos));
    }
  }
}
