package dev.passages.index;

/**
 * A passage's vector and the text it was made from: an engine stores it only while the passage
 * still has that text.
 */
public record PassageVector(String id, String text, float[] vector) {}
