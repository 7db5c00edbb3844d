package dev.passages.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to requests it refuses before Javalin sees them (a URL or headers too large, an
 * ambiguous path): the same JSON error body and security headers as every other response, instead
 * of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    SecurityHeaders.ALL.forEach(response.getHeaders()::put);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    SecurityHeaders.ALL.forEach(fields::put);
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status));
  }

  /** A message of our own for each status: Jetty's reasons can echo parts of the request. */
  private static byte[] body(int status) {
    String message =
        switch (status) {
          case 400 -> "bad request: the URL or headers could not be read";
          case 413 -> "the request body is too large";
          case 414 -> "the URL is too long";
          case 431 -> "the request headers are too large";
          default -> "the request could not be served (" + status + ")";
        };
    try {
      return Json.mapper().writeValueAsBytes(ErrorBody.of(message));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
