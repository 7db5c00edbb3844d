package dev.passages.search;

/**
 * A reader comment as the API lists it.
 *
 * @param id the comment id (the file name in {@code comments/} without extension)
 * @param doc the document it discusses
 * @param paragraph the paragraph it answers, or null
 * @param author who wrote it
 * @param date when it was received, ISO-8601
 * @param text what was written, paragraphs separated by line breaks
 */
public record CommentView(
    String id, String doc, Integer paragraph, String author, String date, String text) {}
