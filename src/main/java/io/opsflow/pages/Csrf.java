package io.opsflow.pages;

import io.javalin.http.Context;
import io.opsflow.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The CSRF check of every POST: the form carries the session's token. */
final class Csrf {
  private Csrf() {}

  /** Refuses a POST whose form does not carry the session's CSRF token (403, nothing changes). */
  static void check(Context ctx, Viewer v) {
    requireSame(ctx.formParam("csrf"), v.csrf());
  }

  static void requireSame(String sent, String expected) {
    if (sent == null
        || expected == null
        || !MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      throw ApiException.forbidden(
          "This form has expired or did not come from opsflow: reload the page and try again.");
    }
  }
}
