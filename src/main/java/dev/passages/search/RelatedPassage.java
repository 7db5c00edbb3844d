package dev.passages.search;

/**
 * A passage of commentary or a comment that discusses a paragraph, and why we think so.
 *
 * @param reason {@code reply}: a comment addressed to the paragraph; {@code quote}: it quotes 8 or
 *     more consecutive words of the paragraph; {@code similar}: Lucene's MoreLikeThis finds it
 *     close
 * @param passage the related passage, its matches marked
 * @param quote for {@code quote}: the quoted words as they stand in the related passage
 * @param similarity for {@code similar}: its score as a share of the paragraph's own score, 0-1
 */
public record RelatedPassage(String reason, Hit passage, String quote, Float similarity) {

  /** A passage is {@code similar} when its similarity is at least this. */
  public static final float MIN_SIMILARITY = 0.15f;
}
