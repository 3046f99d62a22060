package io.opsflow.pages;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.opsflow.http.ApiException;
import io.opsflow.http.Failures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every page shares: the security headers, who is signed in (else off to sign-in), the CSRF
 * check of every POST, and refusals rendered as pages rather than JSON.
 */
final class Web {
  private static final Logger log = LoggerFactory.getLogger(Web.class);
  private static final String VIEWER = "opsflow.viewer";

  private final Sessions sessions;

  Web(Sessions sessions) {
    this.sessions = sessions;
  }

  /** A page handler: may throw {@link Redirect} or {@link ApiException}. */
  @FunctionalInterface
  interface PageHandler {
    void handle(Context ctx) throws Exception;
  }

  /** Sends the browser elsewhere with 303 See Other. */
  static final class Redirect extends RuntimeException {
    final String location;

    Redirect(String location) {
      super(location, null, false, false);
      this.location = location;
    }
  }

  Sessions sessions() {
    return sessions;
  }

  Handler page(PageHandler h) {
    return ctx -> {
      SecurityHeaders.apply(ctx);
      try {
        if (ctx.method() == HandlerType.POST) {
          Forms.limit(ctx);
          Forms.read(ctx);
        }
        h.handle(ctx);
      } catch (Redirect r) {
        ctx.redirect(r.location, HttpStatus.SEE_OTHER);
      } catch (ApiException e) {
        refuse(ctx, e.status(), e.getMessage());
      } catch (HttpResponseException e) {
        refuse(ctx, e.getStatus(), e.getMessage());
      } catch (Exception e) {
        String id = Failures.logged(ctx.method() + " " + ctx.path() + " failed", e);
        refuse(ctx, 500, Failures.pageMessage(id));
      }
    };
  }

  /**
   * Answers a refusal or an error as a page: the site's layout (with the navigation when someone is
   * known to be signed in), a heading naming the status, the message, and a way back.
   */
  static void refuse(Context ctx, int status, String message) {
    Viewer v = ctx.attribute(VIEWER);
    html(ctx, status, Layout.error(v, status, message, v == null ? area(ctx) : v.home()));
  }

  /**
   * Notes who is signed in, if anyone, so that an error page outside a page handler still shows the
   * navigation. Best effort: a failure to look the session up leaves the page without it.
   */
  void recognize(Context ctx) {
    if (ctx.attribute(VIEWER) != null) {
      return;
    }
    try {
      sessions.current(ctx).ifPresent(v -> ctx.attribute(VIEWER, v));
    } catch (RuntimeException e) {
      log.warn("{} {}: session not looked up for the error page: {}", ctx.method(), ctx.path(), e);
    }
  }

  /** The part of the site a request is in: {@code /console} or {@code /portal}. */
  static String area(Context ctx) {
    return area(ctx.path());
  }

  static String area(String p) {
    return p.equals("/console") || p.startsWith("/console/") ? "/console" : "/portal";
  }

  /** A customer of the portal; SREs and admins are sent to the console. */
  Viewer customer(Context ctx) {
    Viewer v = viewer(ctx);
    if (v.staff()) {
      throw new Redirect("/console");
    }
    return v;
  }

  /** An SRE or admin; a customer is refused. */
  Viewer staff(Context ctx) {
    Viewer v = viewer(ctx);
    if (!v.staff()) {
      throw ApiException.forbidden("The console is for SREs. Your tickets are in the portal.");
    }
    return v;
  }

  Viewer viewer(Context ctx) {
    Viewer v = sessions.current(ctx).orElseThrow(() -> new Redirect(signInFor(ctx)));
    ctx.attribute(VIEWER, v);
    return v;
  }

  static void html(Context ctx, int status, Html page) {
    ctx.status(status).contentType("text/html; charset=utf-8").result(page.toString());
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String signInFor(Context ctx) {
    String area = area(ctx);
    String next = ctx.method().name().equals("GET") ? ctx.path() : area;
    if (ctx.method().name().equals("GET") && ctx.queryString() != null) {
      next = next + "?" + ctx.queryString();
    }
    return area + "/signin?next=" + encode(next);
  }
}
