package io.opsflow.pages;

import io.javalin.http.Context;
import io.opsflow.http.ErrorPages;

/**
 * Errors under {@code /portal} and {@code /console} that no page handler answered (an unknown
 * address, a method a page does not take, a failure outside a page, a request the server refused
 * before any route) answered as pages too: HTML with the site's layout, never the API's JSON and
 * never a stack trace.
 */
final class PageErrors implements ErrorPages {
  private final Web web;

  PageErrors(Web web) {
    this.web = web;
  }

  @Override
  public boolean covers(String p) {
    return p.equals("/portal")
        || p.startsWith("/portal/")
        || p.equals("/console")
        || p.startsWith("/console/");
  }

  @Override
  public void answer(Context ctx, int status, String detail) {
    SecurityHeaders.apply(ctx);
    if (status == 404 || status == 405) {
      web.recognize(ctx);
    }
    Web.refuse(ctx, status, detail);
  }

  @Override
  public Page page(int status, String path, String detail) {
    return new Page(
        SecurityHeaders.ALL, Layout.error(null, status, detail, Web.area(path)).toString());
  }
}
