package io.opsflow.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.http.ApiException;
import io.opsflow.ticket.TicketActions;
import io.opsflow.ticket.TicketReads;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.Visibility;

/**
 * The console's POSTs: each checks the session and its CSRF token, goes through {@link
 * TicketActions} like the API, and answers 303 back to the ticket (or the page with the reason).
 */
final class ConsoleActions {
  private final Web web;
  private final TicketReads queries;
  private final TicketActions actions;
  private final Pending pending;
  private final ConsoleTicketPage page;

  ConsoleActions(
      Web web,
      TicketReads queries,
      TicketActions actions,
      Pending pending,
      ConsoleTicketPage page) {
    this.web = web;
    this.queries = queries;
    this.actions = actions;
    this.pending = pending;
    this.page = page;
  }

  @FunctionalInterface
  private interface Action {
    /** Does it; returns what to wait for: a comment id, or "v:" and the version it changes. */
    String apply(Context ctx, Viewer v, Ticket t);
  }

  void register(RoutesConfig routes) {
    post(routes, "comments", this::comment);
    post(
        routes,
        "assign",
        (ctx, v, t) -> {
          actions.assign(v.principal(), t.id(), Forms.field(ctx, "assignee"));
          return changed(t);
        });
    post(
        routes,
        "status",
        (ctx, v, t) -> {
          actions.status(
              v.principal(), t.id(), Forms.field(ctx, "status"), Forms.field(ctx, "reason"));
          return changed(t);
        });
    post(
        routes,
        "priority",
        (ctx, v, t) -> {
          actions.prioritize(
              v.principal(), t.id(), Forms.field(ctx, "priority"), Forms.field(ctx, "reason"));
          return changed(t);
        });
    post(
        routes,
        "incidents",
        (ctx, v, t) -> {
          actions.link(v.principal(), t.id(), Forms.field(ctx, "incidentId"));
          return changed(t);
        });
  }

  private void post(RoutesConfig routes, String what, Action action) {
    routes.post("/console/tickets/{id}/" + what, web.page(ctx -> run(ctx, action)));
  }

  private String comment(Context ctx, Viewer v, Ticket t) {
    String vis = Forms.field(ctx, "visibility");
    Visibility visibility;
    if (vis == null || vis.equals("public")) {
      visibility = Visibility.PUBLIC;
    } else if (vis.equals("internal")) {
      visibility = Visibility.INTERNAL;
    } else {
      throw ApiException.badRequest("Choose a public reply or an internal note.");
    }
    return actions.comment(
        v.principal(),
        t.id(),
        Forms.field(ctx, "body"),
        visibility,
        Forms.attachment(ctx, "attachment"),
        "console");
  }

  private static String changed(Ticket t) {
    return "v:" + t.version();
  }

  private void run(Context ctx, Action action) {
    Forms.limit(ctx);
    Viewer v = web.staff(ctx);
    Csrf.check(ctx, v);
    Ticket t =
        queries
            .find(ctx.pathParam("id"), v.principal().scope())
            .orElseThrow(() -> ApiException.notFound("There is no such ticket."));
    try {
      pending.add(v.sessionHash(), t.id(), action.apply(ctx, v, t));
    } catch (ApiException e) {
      if (e.status() == 403 || e.status() == 404 || e.status() >= 500) {
        throw e;
      }
      page.show(ctx, v, e.status(), e.getMessage());
      return;
    }
    throw new Web.Redirect("/console/tickets/" + t.id());
  }
}
