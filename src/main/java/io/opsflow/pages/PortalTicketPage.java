package io.opsflow.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.http.ApiException;
import io.opsflow.ticket.TicketActions;
import io.opsflow.ticket.TicketQueries;
import io.opsflow.ticket.TicketReads;
import io.opsflow.ticket.model.TicketStatus;
import io.opsflow.ticket.model.Visibility;
import java.util.Optional;

/** A customer's ticket: its state and SLA, the public conversation, and a reply form. */
final class PortalTicketPage {
  private final Web web;
  private final TicketReads queries;
  private final TicketActions actions;
  private final Pending pending;

  PortalTicketPage(Web web, TicketReads queries, TicketActions actions, Pending pending) {
    this.web = web;
    this.queries = queries;
    this.actions = actions;
    this.pending = pending;
  }

  void register(RoutesConfig routes) {
    routes.get("/portal/tickets/{id}", web.page(ctx -> show(ctx, web.customer(ctx), 200, null)));
    routes.post("/portal/tickets/{id}/comments", web.page(this::comment));
    routes.get(
        "/portal/tickets/{id}/attachments/{attachment}",
        web.page(ctx -> Downloads.send(ctx, queries, web.customer(ctx))));
  }

  private void comment(Context ctx) {
    Forms.limit(ctx);
    Viewer v = web.customer(ctx);
    Csrf.check(ctx, v);
    String id = ctx.pathParam("id");
    try {
      String commentId =
          actions.comment(
              v.principal(),
              id,
              Forms.field(ctx, "body"),
              Visibility.PUBLIC,
              Forms.attachment(ctx, "attachment"),
              "portal");
      pending.add(v.sessionHash(), id, commentId);
    } catch (ApiException e) {
      if (e.status() == 403 || e.status() == 404 || e.status() >= 500) {
        throw e;
      }
      show(ctx, v, e.status(), e.getMessage());
      return;
    }
    throw new Web.Redirect("/portal/tickets/" + id);
  }

  private void show(Context ctx, Viewer v, int status, String error) {
    String id = ctx.pathParam("id");
    Optional<TicketQueries.Detail> found = queries.detail(id, v.principal().scope(), false);
    if (found.isEmpty()) {
      if (pending.of(v.sessionHash(), id).contains("ticket")) {
        Web.html(ctx, 200, Processing.ticket(v));
        return;
      }
      throw ApiException.notFound("There is no such ticket for your organization.");
    }
    TicketQueries.Detail d = found.get();
    pending.done(v.sessionHash(), id, "ticket");
    Html waiting = Processing.comments(pending, v, d);
    Html reply =
        d.ticket().status() == TicketStatus.CLOSED
            ? Html.of("<p>This ticket is closed. Open a new one if you need more help.</p>")
            : Html.of(
                "<form method=\"post\" action=\"/portal/tickets/{}/comments\""
                    + " enctype=\"multipart/form-data\" class=\"card\">{}"
                    + "<p><label for=\"body\">Your reply</label><textarea id=\"body\" name=\"body\""
                    + " rows=\"5\" required maxlength=\"{}\">{}</textarea></p><p><label"
                    + " for=\"attachment\">Attach a file (optional, up to 256 KiB)</label><input"
                    + " id=\"attachment\" name=\"attachment\" type=\"file\"></p>"
                    + "<button type=\"submit\">Add the comment</button></form>",
                d.ticket().id(),
                Layout.csrf(v),
                TicketActions.MAX_TEXT,
                error == null ? "" : Optional.ofNullable(ctx.formParam("body")).orElse(""));
    Html body =
        Html.of(
            "{}{}{}{}<section aria-labelledby=\"description\"><h2 id=\"description\">Description"
                + "</h2><div class=\"body\">{}</div>{}</section><section aria-labelledby=\"talk\">"
                + "<h2 id=\"talk\">Comments</h2>{}{}</section>",
            Layout.alert(error),
            waiting,
            TicketView.facts(d, Html.EMPTY),
            SlaView.sla(d.sla()),
            d.ticket().description(),
            TicketView.files(d, null, "/portal"),
            TicketView.comments(d, "/portal"),
            reply);
    Web.html(
        ctx,
        status,
        Layout.page(v, d.ticket().subject(), body, waiting.equals(Html.EMPTY) ? 0 : 2));
  }
}
