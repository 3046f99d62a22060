package io.opsflow.ticket;

import io.javalin.http.Context;
import io.opsflow.access.Authenticator;
import io.opsflow.access.Principal;
import io.opsflow.db.Page;
import io.opsflow.http.ApiException;
import io.opsflow.http.Http;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketRules;
import io.opsflow.ticket.model.TicketStatus;

/** The ticket list: filters by status, priority, assignee, requester and text, page by page. */
final class TicketListRoute {
  private final Authenticator auth;
  private final TicketQueries queries;

  TicketListRoute(Authenticator auth, TicketQueries queries) {
    this.auth = auth;
    this.queries = queries;
  }

  void list(Context ctx) {
    Principal p = TicketRoutes.caller(auth, ctx);
    String statusParam = ctx.queryParam("status");
    TicketStatus status = null;
    Boolean open = null;
    if ("open-work".equals(statusParam) || "active".equals(statusParam)) {
      open = true;
    } else if (statusParam != null) {
      status =
          TicketStatus.parse(statusParam)
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          "status must be new, open, waiting-on-customer, resolved, closed or"
                              + " active"));
    }
    String priority = ctx.queryParam("priority");
    if (priority != null && !TicketRules.PRIORITIES.contains(priority)) {
      throw ApiException.badRequest("priority must be P-0, P-1 or P-2");
    }
    String assignee = ctx.queryParam("assignee");
    if ("me".equals(assignee)) {
      assignee = p.userId() == null ? "none" : p.userId();
    }
    Page<Ticket> page;
    try {
      page =
          queries.list(
              p.scope(),
              new TicketQueries.Filter(
                  ctx.queryParam("organization"),
                  status,
                  priority,
                  assignee,
                  ctx.queryParam("requester"),
                  open,
                  ctx.queryParam("q")),
              Http.limit(ctx),
              ctx.queryParam("cursor"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    Http.json(ctx, 200, TicketJson.page(page));
  }
}
