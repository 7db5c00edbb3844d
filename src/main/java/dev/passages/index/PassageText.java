package dev.passages.index;

/** A passage waiting for its vector: its id and the text to embed. */
public record PassageText(String id, String text) {}
