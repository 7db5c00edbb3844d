package dev.passages.index;

import dev.passages.corpus.Metadata;
import dev.passages.corpus.Passage;
import dev.passages.corpus.SourceDocument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of everything an index stores of a document: equal digests, equal entries. Computed from
 * the parsed document, not the file's bytes, so a change that does not change what is indexed
 * (trailing spaces, say) costs no update.
 */
public final class ContentHash {

  private ContentHash() {}

  /** The hex SHA-256 of {@code document}'s id, source, title, metadata and passages. */
  public static String of(SourceDocument document) {
    MessageDigest digest = sha256();
    Metadata metadata = document.metadata();
    update(
        digest,
        document.id(),
        document.source().id(),
        document.title(),
        metadata.author(),
        metadata.date(),
        metadata.url(),
        metadata.about());
    for (Passage passage : document.passages()) {
      update(digest, passage.id(), passage.section(), passage.text());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String... values) {
    for (String value : values) {
      // A marker for null and a separator after each value keep ("ab", "c") apart from ("a", "bc").
      digest.update((byte) (value == null ? 1 : 0));
      if (value != null) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
      }
      digest.update((byte) 0);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
