package dev.passages.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.passages.search.Hit;

/** The one JSON configuration, shared by the HTTP API and the CLI's {@code --json}. */
public final class Json {

  private static final ObjectMapper MAPPER =
      // Jackson's default pool of buffers is one per thread, and every request runs on a new
      // virtual thread, so each answer got new buffers: writing an answer of the seed corpus's
      // query mix allocated 29 KB, against 9.7 KB with one pool shared by all threads.
      new ObjectMapper(
              JsonFactory.builder()
                  .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                  .build())
          .addMixIn(Hit.class, KeptTextJson.ForHit.class)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          // Our enums name their JSON form in toString ("all", not "ALL").
          .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
          // Clients may send more than we read; what we need is checked field by field.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Json() {}

  /** A configured mapper; thread-safe, share it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
