package dev.passages.search;

import java.util.Objects;

/**
 * A request for completions of what is being typed, validated where it is made.
 *
 * @param typed the text so far
 * @param limit completions to return, 1 to {@value Completions#MAX_LIMIT}
 */
public record CompletionRequest(String typed, int limit) {

  public CompletionRequest {
    Objects.requireNonNull(typed, "typed");
    if (limit < 1 || limit > Completions.MAX_LIMIT) {
      throw new InvalidRequestException(
          "limit", "limit must be between 1 and " + Completions.MAX_LIMIT + ", got " + limit);
    }
    SearchRequest.checkLength(typed);
  }
}
