package io.opsflow.pages;

import io.javalin.config.RoutesConfig;
import io.opsflow.access.SignInFailures;
import io.opsflow.access.Tokens;
import io.opsflow.access.Users;
import io.opsflow.access.WebSessions;
import io.opsflow.config.TicketsConfig;
import io.opsflow.db.Audit;
import io.opsflow.http.ErrorPages;
import io.opsflow.ticket.TicketActions;
import io.opsflow.ticket.TicketReads;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The web pages: {@code /portal} for customers, {@code /console} for SREs and admins, with their
 * sign-in. Server-rendered HTML that works without JavaScript; every write goes through {@link
 * TicketActions} like the API. The clock decides session expiry, so tests can move it.
 */
public final class Pages {
  /** What the pages read and write through. */
  public record Parts(
      WebSessions sessions,
      Tokens tokens,
      Users users,
      Audit audit,
      TicketReads queries,
      TicketActions actions,
      SignInFailures signInFailures) {}

  private final Web web;
  private final SignInPage signIn;
  private final PortalPages portal;
  private final PortalTicketPage portalTicket;
  private final ConsolePages console;
  private final ConsoleTicketPage consoleTicket;
  private final ConsoleActions consoleActions;
  private final PageErrors errors;
  private final byte[] stylesheet;

  public Pages(Parts parts, TicketsConfig config, Clock clock) {
    boolean https = config.publicUrl().map(u -> u.startsWith("https:")).orElse(false);
    this.web =
        new Web(
            new Sessions(
                parts.sessions(),
                parts.users(),
                clock,
                config.sessionIdle(),
                config.sessionMax(),
                https));
    this.signIn =
        new SignInPage(
            web,
            parts.users(),
            parts.tokens(),
            parts.audit(),
            new SignInThrottle(parts.signInFailures(), clock, "address", 5, Duration.ofMinutes(15)),
            new SignInThrottle(
                parts.signInFailures(), clock, "client", 50, Duration.ofMinutes(15)));
    Pending pending = new Pending(clock);
    this.portal = new PortalPages(web, parts.queries(), parts.actions(), pending);
    this.portalTicket = new PortalTicketPage(web, parts.queries(), parts.actions(), pending);
    this.console = new ConsolePages(web, parts.queries(), parts.users());
    this.consoleTicket = new ConsoleTicketPage(web, parts.queries(), parts.users(), pending);
    this.consoleActions =
        new ConsoleActions(web, parts.queries(), parts.actions(), pending, consoleTicket);
    this.errors = new PageErrors(web);
    this.stylesheet = resource("/web/opsflow.css");
  }

  /** How errors under {@code /portal} and {@code /console} are answered: as pages. */
  public ErrorPages errors() {
    return errors;
  }

  public void register(RoutesConfig routes) {
    routes.get(
        Layout.STYLESHEET,
        ctx -> {
          SecurityHeaders.apply(ctx);
          ctx.header("Cache-Control", "public, max-age=3600");
          ctx.contentType("text/css; charset=utf-8").result(stylesheet);
        });
    signIn.register(routes);
    portal.register(routes);
    portalTicket.register(routes);
    console.register(routes);
    consoleTicket.register(routes);
    consoleActions.register(routes);
  }

  private static byte[] resource(String name) {
    try (InputStream in = Pages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
