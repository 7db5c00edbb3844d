package dev.passages.index;

/** How an index on disk relates to the corpus it was built from. */
public enum IndexStatus {
  /** Built from the corpus as it is now, by this version of the schema. */
  FRESH,
  /** No index in the folder. */
  MISSING,
  /** Built from other corpus files, or by another schema version. */
  STALE
}
