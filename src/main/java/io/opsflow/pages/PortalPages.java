package io.opsflow.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.db.Page;
import io.opsflow.http.ApiException;
import io.opsflow.ticket.TicketActions;
import io.opsflow.ticket.TicketQueries;
import io.opsflow.ticket.TicketReads;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The portal's list of the organization's tickets, and the form that opens one. */
final class PortalPages {
  private static final int PAGE = 50;

  private final Web web;
  private final TicketReads queries;
  private final TicketActions actions;
  private final Pending pending;

  PortalPages(Web web, TicketReads queries, TicketActions actions, Pending pending) {
    this.web = web;
    this.queries = queries;
    this.actions = actions;
    this.pending = pending;
  }

  void register(RoutesConfig routes) {
    routes.get("/portal", web.page(this::list));
    routes.get("/portal/new", web.page(ctx -> form(ctx, web.customer(ctx), 200, null)));
    routes.post("/portal/tickets", web.page(this::open));
  }

  private void list(Context ctx) {
    Viewer v = web.customer(ctx);
    String status = Optional.ofNullable(ctx.queryParam("status")).orElse("");
    TicketStatus filter = null;
    if (!status.isEmpty()) {
      filter =
          TicketStatus.parse(status)
              .orElseThrow(() -> ApiException.badRequest("There is no status '" + status + "'."));
    }
    Page<Ticket> page =
        queries.list(
            v.principal().scope(),
            new TicketQueries.Filter(null, filter, null, null, null, null, null),
            PAGE,
            ctx.queryParam("cursor"));
    List<Html> options = new ArrayList<>();
    options.add(Html.of("<option value=\"\">Any</option>"));
    for (TicketStatus s : TicketStatus.values()) {
      options.add(
          Html.of(
              "<option value=\"{}\"{}>{}</option>",
              s.wire(),
              Html.when(s == filter, Html.of(" selected")),
              s.wire().replace('-', ' ')));
    }
    Html body =
        Html.of(
            "<p><a class=\"button\" href=\"/portal/new\">Open a ticket</a></p>"
                + "<form method=\"get\" action=\"/portal\" class=\"filters\">"
                + "<label for=\"status\">Status</label><select id=\"status\" name=\"status\">{}"
                + "</select> <button type=\"submit\">Show</button></form>{}{}",
            Html.join(options),
            PortalTable.of(page.items()),
            page.next() == null
                ? Html.EMPTY
                : Html.of(
                    "<p><a href=\"/portal?status={}&amp;cursor={}\">Older tickets</a></p>",
                    Web.encode(status),
                    Web.encode(page.next())));
    Web.html(ctx, 200, Layout.page(v, "Your organization's tickets", body, 0));
  }

  private void open(Context ctx) {
    Forms.limit(ctx);
    Viewer v = web.customer(ctx);
    Csrf.check(ctx, v);
    Ticket.Ref ref;
    try {
      ref =
          actions.open(
              v.principal(),
              new TicketActions.NewTicket(
                  null,
                  Forms.field(ctx, "subject"),
                  Forms.field(ctx, "description"),
                  Forms.field(ctx, "priority"),
                  null,
                  List.of(),
                  Forms.attachment(ctx, "attachment"),
                  "portal",
                  null));
    } catch (ApiException e) {
      if (e.status() == 403 || e.status() == 404 || e.status() >= 500) {
        throw e;
      }
      form(ctx, v, e.status(), e.getMessage());
      return;
    }
    pending.add(v.sessionHash(), ref.id(), "ticket");
    throw new Web.Redirect("/portal/tickets/" + ref.id());
  }

  private void form(Context ctx, Viewer v, int status, String error) {
    String subject = Optional.ofNullable(ctx.formParam("subject")).orElse("");
    String description = Optional.ofNullable(ctx.formParam("description")).orElse("");
    String priority = Optional.ofNullable(ctx.formParam("priority")).orElse("P-2");
    Html body =
        Html.of(
            "{}<form method=\"post\" action=\"/portal/tickets\" enctype=\"multipart/form-data\""
                + " class=\"card\">{}<p><label for=\"subject\">Subject</label>"
                + "<input id=\"subject\" name=\"subject\" required maxlength=\"{}\" value=\"{}\">"
                + "</p><p><label for=\"description\">What happened?</label>"
                + "<textarea id=\"description\" name=\"description\" rows=\"8\" maxlength=\"{}\">"
                + "{}</textarea></p>{}<p><label for=\"attachment\">Attach a file (optional, up to"
                + " 256 KiB)</label><input id=\"attachment\" name=\"attachment\" type=\"file\">"
                + "</p><button type=\"submit\">Open the ticket</button></form>",
            Layout.alert(error),
            Layout.csrf(v),
            TicketActions.MAX_SUBJECT,
            subject,
            TicketActions.MAX_TEXT,
            description,
            Priorities.choice("priority", priority));
    Web.html(ctx, status, Layout.page(v, "Open a ticket", body, 0));
  }
}
