package dev.passages.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error response.
 *
 * @param error what went wrong, in words for the user; never internal details
 * @param parameter the request parameter at fault, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String parameter) {

  static ErrorBody of(String error) {
    return new ErrorBody(error, null);
  }
}
