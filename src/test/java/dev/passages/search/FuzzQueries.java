package dev.passages.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A seeded generator of random and adversarial queries, shared by the fuzz tests. */
public final class FuzzQueries {

  public static final long SEED = 20261129L;

  /** Pieces that break naive query parsers, Lucene's syntax among them. */
  static final String[] NASTY = {
    "\"",
    "'",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "*",
    "?",
    "~",
    "^",
    "\\",
    "/",
    ":",
    "|",
    "+",
    "-",
    "!",
    "&&",
    "||",
    "AND",
    "OR",
    "NOT",
    "TO",
    "field:",
    "text:",
    "source:",
    "source:blog",
    "source:comment|",
    "[a TO z]",
    "{1 TO 9}",
    "/regex.*/",
    "uranium~",
    "uranium~2",
    "uranium^3",
    "\"a b\"~",
    "\"a b\"~999999999999",
    "a*",
    "*a",
    "**",
    "?a",
    "\u0000",
    "\u0007",
    "\u001b[31m",
    "\uD800",
    "\uDFFF",
    "\u202E",
    "\u200F",
    "\u200B",
    "\uFEFF",
    "🙂",
    "👩‍👩‍👧",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&amp;",
    "&#x3C;",
    "%00",
    "%2e%2e/",
    "../../etc/passwd",
    "'; DROP TABLE passages; --",
    "${jndi:ldap://x}",
    "\t",
    "\n",
    "“",
    "”",
    "‘",
    "’",
    "–",
    "—",
    "…",
    "ﬁ",
    "ß",
    "İ",
    "Ω",
    "ك",
    "中文",
    "日本語",
    "한국어"
  };

  static final String[] WORDS = {
    "uranium", "Kazakhstan", "Tokayev", "Putin", "China", "color", "revolution", "oil", "the",
    "of", "investments", "Sino-Kazakh", "1,100", "12th-largest", "Tokaev", "kazakh*", "why", "a"
  };

  private FuzzQueries() {}

  /** The {@code i}-th query: mostly mixes of words and nasty pieces, some extremes. */
  public static String query(Random random, int i) {
    return switch (i % 10) {
      case 0 -> randomChars(random, 1 + random.nextInt(40));
      case 1 ->
          String.join(" ", pick(random, WORDS, 1000)).substring(0, 990); // ~1,000 terms' worth
      case 2 -> "x".repeat(500 + random.nextInt(600)); // very long words, some over the limit
      case 3 -> '"' + String.join(" ", pick(random, WORDS, 1 + random.nextInt(6)));
      default -> {
        StringBuilder query = new StringBuilder();
        int parts = 1 + random.nextInt(8);
        for (int p = 0; p < parts; p++) {
          String[] from = random.nextBoolean() ? NASTY : WORDS;
          query.append(from[random.nextInt(from.length)]);
          if (random.nextInt(3) > 0) {
            query.append(' ');
          }
        }
        yield query.toString();
      }
    };
  }

  private static List<String> pick(Random random, String[] from, int n) {
    List<String> picked = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      picked.add(from[random.nextInt(from.length)]);
    }
    return picked;
  }

  /** Any UTF-16 units, lone surrogates and controls included. */
  private static String randomChars(Random random, int n) {
    StringBuilder text = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      text.append((char) random.nextInt(random.nextBoolean() ? 0x80 : 0x10000));
    }
    return text.toString();
  }
}
