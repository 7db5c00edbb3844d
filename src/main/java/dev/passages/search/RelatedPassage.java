package dev.passages.search;

/**
 * A passage of commentary or a comment that discusses a paragraph, and why we think so.
 *
 * @param reason {@code reply}: a comment addressed to the paragraph; {@code quote}: it quotes 8 or
 *     more consecutive words of the paragraph, or, in quotation marks, runs of it cut by elisions
 *     ("…") that are 8 words or more together; {@code similar}: it is close in meaning to the
 *     paragraph (and closer to it than to the document's other paragraphs), or, where there are no
 *     vectors, Lucene's MoreLikeThis finds it close
 * @param passage the related passage, its matches marked
 * @param quote for {@code quote}: the quoted words as they stand in the related passage
 * @param similarity for {@code similar}: the cosine of their meaning vectors, 0-1, or without
 *     vectors, its MoreLikeThis score as a share of the paragraph's own
 */
public record RelatedPassage(String reason, Hit passage, String quote, Float similarity) {

  /** A passage is {@code similar} when its similarity is at least this (MoreLikeThis's share). */
  public static final float MIN_SIMILARITY = 0.15f;
}
