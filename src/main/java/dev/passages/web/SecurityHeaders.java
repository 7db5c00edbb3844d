package dev.passages.web;

import java.util.Map;

/** The headers every response carries, from Javalin's handlers and Jetty's own error pages. */
final class SecurityHeaders {

  /** The CSP allows only same-origin scripts and styles, and no inline script. */
  static final Map<String, String> ALL =
      Map.of(
          "Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
              + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
          "X-Content-Type-Options",
          "nosniff",
          "Referrer-Policy",
          "no-referrer",
          "X-Frame-Options",
          "DENY");

  private SecurityHeaders() {}
}
