package io.opsflow.web;

import io.javalin.http.Context;

/**
 * How a part of the site answers its errors when it is not the API: the web pages answer an HTML
 * page where the API answers {@code {"error": ..., "detail": ...}}. {@link HttpServer} hands it
 * every error of a request it covers: no route, a refusal, a failure.
 */
public interface ErrorPages {
  /** Whether the request belongs to this part of the site (decided by its path). */
  boolean covers(Context ctx);

  /**
   * Answers the error with its status. {@code detail} is meant for the reader: it never holds an
   * exception's text or a stack trace.
   */
  void answer(Context ctx, int status, String detail);
}
