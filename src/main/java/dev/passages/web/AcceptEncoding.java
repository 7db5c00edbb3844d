package dev.passages.web;

import java.util.Locale;

/** What a client's Accept-Encoding header takes (RFC 9110, 12.5.3). */
final class AcceptEncoding {

  private AcceptEncoding() {}

  /**
   * Whether an Accept-Encoding header takes {@code coding}: listed without {@code q=0}, or, when
   * {@code orStar}, {@code *} listed so.
   */
  static boolean takes(String acceptEncoding, String coding, boolean orStar) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] fields = part.split(";");
      String listed = fields[0].strip().toLowerCase(Locale.ROOT);
      if (!listed.equals(coding) && !(orStar && listed.equals("*"))) {
        continue;
      }
      boolean refused = false;
      for (int i = 1; i < fields.length; i++) {
        String parameter = fields[i].strip().toLowerCase(Locale.ROOT);
        if (parameter.startsWith("q=")) {
          refused = parameter.substring(2).strip().matches("0(\\.0{0,3})?");
        }
      }
      if (!refused) {
        return true;
      }
    }
    return false;
  }
}
