package io.opsflow.http;

import io.javalin.http.Context;
import java.util.Map;

/**
 * How a part of the site answers its errors when it is not the API: the web pages answer an HTML
 * page where the API answers {@code {"error": ..., "detail": ...}}. {@link HttpServer} hands it
 * every error of a request it covers: no route, a refusal, a failure, and a request the server
 * refused before any route saw it (a bad escape, headers too large).
 */
public interface ErrorPages {
  /** Whether a request for this path belongs to this part of the site. */
  boolean covers(String path);

  /** Whether the request belongs to this part of the site (decided by its path). */
  default boolean covers(Context ctx) {
    return covers(ctx.path());
  }

  /**
   * Answers the error with its status. {@code detail} is meant for the reader: it never holds an
   * exception's text or a stack trace.
   */
  void answer(Context ctx, int status, String detail);

  /** The page for a request refused before it reached a route: its headers and HTML. */
  Page page(int status, String path, String detail);

  /** An error page written without a route's context. */
  record Page(Map<String, String> headers, String html) {}
}
