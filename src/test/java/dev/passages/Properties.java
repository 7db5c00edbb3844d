package dev.passages;

import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Property tests on plain JUnit, the way Lucene's randomized tests go: a property is checked on
 * many samples drawn from a seeded generator, so every run of the default suite tries the same
 * samples, and a failure names the sample that broke it. The mutation profile asks for more tries
 * ({@code -Dpassages.tries}, pom.xml); {@code -Dpassages.seed} explores other samples.
 */
public final class Properties {

  /** The default seed: the same samples in every run of the default suite. */
  public static final long SEED = Long.getLong("passages.seed", 20261205L);

  /** Samples per property. */
  public static final int TRIES = Integer.getInteger("passages.tries", 200);

  /** A property: a check of one sample, which may throw. */
  @FunctionalInterface
  public interface Check<T> {
    void check(T sample) throws Exception;
  }

  private Properties() {}

  /** Checks {@code property} on {@link #TRIES} samples drawn by {@code samples}. */
  public static <T> void forAll(Function<RandomGenerator, T> samples, Check<T> property) {
    forAll(TRIES, samples, property);
  }

  /** Checks {@code property} on {@code tries} samples drawn by {@code samples}. */
  public static <T> void forAll(
      int tries, Function<RandomGenerator, T> samples, Check<T> property) {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < tries; i++) {
      T sample = samples.apply(random);
      try {
        property.check(sample);
      } catch (Exception | AssertionError e) {
        throw new AssertionError(
            "property failed on try " + (i + 1) + " (seed " + SEED + ") for " + printable(sample),
            e);
      }
    }
  }

  /**
   * Any string of up to {@code maxLength} UTF-16 units: mostly printable ASCII and words, with
   * controls, markup, letters from other scripts, emoji, and lone surrogate halves mixed in.
   */
  public static String anyString(RandomGenerator random, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      switch (random.nextInt(8)) {
        case 0, 1, 2 -> text.append((char) random.nextInt(0x20, 0x7F));
        case 3 -> text.append(' ');
        case 4 -> text.append((char) random.nextInt(0x20));
        case 5 -> text.append((char) random.nextInt(0xA0, 0x3000));
        case 6 -> text.appendCodePoint(random.nextInt(0x1F300, 0x1FAFF));
        default -> text.append((char) random.nextInt(0xD800, 0xE000));
      }
    }
    return text.toString();
  }

  /** Up to {@code maxPieces} of {@code pieces}, picked at random (with repeats), joined. */
  public static String joined(RandomGenerator random, List<String> pieces, int maxPieces) {
    int count = random.nextInt(maxPieces + 1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(oneOf(random, pieces));
    }
    return text.toString();
  }

  /** One of {@code choices}, picked at random. */
  public static <T> T oneOf(RandomGenerator random, List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** {@code sample} in a form a failure message can show: controls and surrogates escaped. */
  public static String printable(Object sample) {
    String text =
        sample instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(sample);
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      if (out.length() > 2_000) {
        return out.append("\" (cut, ").append(text.length()).append(" chars)").toString();
      }
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7F || Character.isSurrogate(c) || c == '"' || c == '\\') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
