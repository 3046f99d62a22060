package io.opsflow.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /}: a small page linking the portal, the console, {@code /health} and the
 * documentation, with the pages' security headers.
 */
final class HomePage {
  static final String RESOURCE = "/home.html";
  private final byte[] page;

  HomePage() {
    try (InputStream in = HomePage.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      this.page = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void register(RoutesConfig routes) {
    routes.get("/", this::home);
  }

  private void home(Context ctx) {
    SecurityHeaders.apply(ctx);
    ctx.contentType("text/html; charset=utf-8").result(page);
  }
}
