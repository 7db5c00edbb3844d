package dev.passages.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.passages.search.BoundedCache;
import dev.passages.search.Hit;
import java.io.IOException;

/**
 * A hit's text and title written to JSON from what an earlier answer wrote for them. Pages show the
 * same passages again and again, and their texts and titles are two-fifths of the query mix's
 * answers' bytes; written afresh, a character at a time through Jackson's escape checks, they were
 * a quarter of writing those answers (7.1 against 5.4 µs an answer, both ways in turn in one JVM).
 * Kept by content, so a text always goes out as Jackson would write it; long texts are written
 * afresh and not kept.
 */
final class KeptTextJson extends StdSerializer<String> {

  /** Texts up to this long are kept: as long as the passages the searcher keeps. */
  static final int KEPT_UP_TO_CHARS = 2_000;

  /**
   * At most this many texts are kept, as many as the searcher keeps passages: a few MB (the seed
   * corpus's 27 passages: about 10 KB), at most about 20 MB of the longest texts outside Latin-1.
   */
  static final int KEPT = 2_048;

  private static final BoundedCache<String, SerializedString> KEPT_JSON = new BoundedCache<>(KEPT);

  KeptTextJson() {
    super(String.class);
  }

  @Override
  public void serialize(String text, JsonGenerator json, SerializerProvider provider)
      throws IOException {
    if (text.length() > KEPT_UP_TO_CHARS) {
      json.writeString(text);
      return;
    }
    SerializedString kept = KEPT_JSON.get(text, KeptTextJson::encoded);
    if (kept == WRITTEN_AFRESH) {
      json.writeString(text);
    } else {
      json.writeString(kept);
    }
  }

  /** Kept for a text that Jackson's generator writes otherwise than its string encoder would. */
  private static final SerializedString WRITTEN_AFRESH = new SerializedString("");

  /** {@code text} as Jackson writes it, encoded once; WRITTEN_AFRESH where it cannot be. */
  private static SerializedString encoded(String text) {
    SerializedString kept = new SerializedString(text);
    try {
      kept.asQuotedUTF8(); // made now, once, rather than by each answer that shares it
      return kept;
    } catch (IllegalArgumentException e) {
      // A lone surrogate (a comment can hold one, sent as a JSON escape): the encoder refuses it,
      // the generator writes it as an escape.
      return WRITTEN_AFRESH;
    }
  }

  /** Where {@link Hit}'s fields take this serializer (a Jackson mix-in: Hit knows no JSON). */
  abstract static class ForHit {
    @JsonSerialize(using = KeptTextJson.class)
    abstract String text();

    @JsonSerialize(using = KeptTextJson.class)
    abstract String title();
  }
}
