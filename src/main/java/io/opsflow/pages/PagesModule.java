package io.opsflow.pages;

import io.javalin.config.RoutesConfig;
import io.opsflow.access.AccessModule;
import io.opsflow.access.SignInFailures;
import io.opsflow.access.WebSessions;
import io.opsflow.config.Platform;
import io.opsflow.db.Database;
import io.opsflow.http.ErrorPages;
import io.opsflow.http.Routed;
import io.opsflow.ticket.TicketActions;
import io.opsflow.ticket.TicketQueries;
import java.util.List;
import java.util.function.Consumer;

/**
 * The web pages: the home page at {@code /}, the customers' portal and the SREs' console, with
 * their sign-in, and the errors under them answered as pages.
 */
public final class PagesModule implements Routed {
  private final HomePage home;
  private final Pages pages;

  /** What the pages read and write through. */
  public record Parts(
      Platform platform, AccessModule access, TicketQueries tickets, TicketActions actions) {}

  private PagesModule(Parts p) {
    Database db = p.platform().db();
    this.home = new HomePage();
    this.pages =
        new Pages(
            new Pages.Parts(
                new WebSessions(db),
                p.access().tokens(),
                p.access().users(),
                p.access().audit(),
                p.tickets(),
                p.actions(),
                new SignInFailures(db)),
            p.platform().config().tickets(),
            p.platform().clock());
  }

  public static PagesModule start(Parts p) {
    return new PagesModule(p);
  }

  @Override
  public List<Consumer<RoutesConfig>> routes() {
    return List.of(home::register, pages::register);
  }

  /** How errors under {@code /portal} and {@code /console} are answered: as pages. */
  public List<ErrorPages> errors() {
    return List.of(pages.errors());
  }
}
