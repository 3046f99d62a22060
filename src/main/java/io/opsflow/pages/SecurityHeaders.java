package io.opsflow.pages;

import io.javalin.http.Context;
import java.util.Map;

/** The security headers of every page. */
final class SecurityHeaders {
  static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private SecurityHeaders() {}

  static final Map<String, String> ALL =
      Map.of(
          "Content-Security-Policy", CSP,
          "X-Frame-Options", "DENY",
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "same-origin",
          "Cache-Control", "no-store");

  static void apply(Context ctx) {
    ALL.forEach(ctx::header);
  }
}
