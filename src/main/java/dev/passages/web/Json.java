package dev.passages.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one JSON configuration, shared by the HTTP API and the CLI's {@code --json}. */
public final class Json {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  /** A configured mapper; thread-safe, share it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
