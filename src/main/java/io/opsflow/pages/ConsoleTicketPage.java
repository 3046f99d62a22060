package io.opsflow.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.access.Users;
import io.opsflow.http.ApiException;
import io.opsflow.ticket.TicketQueries;
import io.opsflow.ticket.TicketReads;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A ticket as SREs see it: state, SLA clocks, the conversation with internal notes marked, the
 * timeline, and the forms that work it ({@link ConsoleForms}, handled by {@link ConsoleActions}).
 */
final class ConsoleTicketPage {
  private final Web web;
  private final TicketReads queries;
  private final Users users;
  private final Pending pending;

  ConsoleTicketPage(Web web, TicketReads queries, Users users, Pending pending) {
    this.web = web;
    this.queries = queries;
    this.users = users;
    this.pending = pending;
  }

  void register(RoutesConfig routes) {
    routes.get("/console/tickets/{id}", web.page(ctx -> show(ctx, web.staff(ctx), 200, null)));
    routes.get(
        "/console/tickets/{id}/attachments/{attachment}",
        web.page(ctx -> Downloads.send(ctx, queries, web.staff(ctx))));
  }

  void show(Context ctx, Viewer v, int status, String error) {
    String id = ctx.pathParam("id");
    Optional<TicketQueries.Detail> found = queries.detail(id, v.principal().scope(), true);
    if (found.isEmpty()) {
      throw ApiException.notFound("There is no such ticket in your organizations.");
    }
    TicketQueries.Detail d = found.get();
    Html waiting = Processing.comments(pending, v, d);
    Html more =
        Html.of(
            "<dt>Organization</dt><dd>{}</dd><dt>Requester</dt><dd>{}</dd>"
                + "<dt>Watchers</dt><dd>{}</dd><dt>Incidents</dt><dd>{}</dd>"
                + "<dt>Source</dt><dd>{}</dd>",
            d.ticket().organizationId(),
            d.ticket().requesterEmail() == null ? "—" : d.ticket().requesterEmail(),
            d.watchers().isEmpty() ? "—" : String.join(", ", d.watchers()),
            d.incidents().isEmpty() ? "none" : String.join(", ", d.incidents()),
            d.ticket().source());
    ConsoleForms forms = new ConsoleForms(v, d, ctx);
    Html body =
        Html.of(
            "{}{}{}{}<section aria-labelledby=\"description\"><h2 id=\"description\">Description"
                + "</h2><div class=\"body\">{}</div>{}</section><section aria-labelledby=\"talk\">"
                + "<h2 id=\"talk\">Conversation</h2>{}{}</section><section"
                + " aria-labelledby=\"work\"><h2 id=\"work\">Work the ticket</h2>{}</section>{}",
            Layout.alert(error),
            waiting,
            TicketView.facts(d, more),
            SlaView.sla(d.sla()),
            d.ticket().description(),
            TicketView.files(d, null, "/console"),
            TicketView.comments(d, "/console"),
            forms.reply(),
            forms.work(users.staffFor(d.ticket().organizationId())),
            timeline(d));
    Web.html(
        ctx,
        status,
        Layout.page(
            v,
            d.ticket().reference() + ": " + d.ticket().subject(),
            body,
            waiting.equals(Html.EMPTY) ? 0 : 2));
  }

  private static Html timeline(TicketQueries.Detail d) {
    List<Html> lines = new ArrayList<>();
    for (TicketQueries.Line l : d.timeline()) {
      lines.add(
          Html.of(
              "<li class=\"{}\">{} <span class=\"kind\">{}</span> {}</li>",
              "note".equals(l.kind()) ? "internal" : "",
              TicketView.time(l.at()),
              l.kind(),
              l.message()));
    }
    return Html.of(
        "<section aria-labelledby=\"timeline\"><h2 id=\"timeline\">Timeline</h2>"
            + "<ol class=\"timeline\">{}</ol></section>",
        Html.join(lines));
  }
}
