package io.opsflow.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.opsflow.access.Authenticator;
import io.opsflow.access.Principal;
import io.opsflow.access.UserStore;
import io.opsflow.db.Page;
import io.opsflow.http.ApiException;
import io.opsflow.http.Http;
import io.opsflow.http.JsonBodies;
import io.opsflow.ticket.model.Ticket;
import io.opsflow.ticket.model.TicketStatus;
import io.opsflow.ticket.model.Visibility;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/** The support-ticket API of the contract: open, list, read, comment, and the SRE actions. */
public final class TicketRoutes {
  private static final Set<String> OPEN_FIELDS =
      Set.of(
          "subject",
          "description",
          "priority",
          "organization",
          "requesterEmail",
          "watchers",
          "attachments");
  private static final Set<String> COMMENT_FIELDS = Set.of("body", "visibility", "attachments");

  private final Authenticator auth;
  private final TicketQueries queries;
  private final TicketActions actions;
  private final UserStore users;

  public TicketRoutes(
      Authenticator auth, TicketQueries queries, TicketActions actions, UserStore users) {
    this.auth = auth;
    this.queries = queries;
    this.actions = actions;
    this.users = users;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/tickets", this::open);
    routes.get("/api/v1/tickets", this::list);
    routes.get("/api/v1/tickets/{id}", this::get);
    routes.post("/api/v1/tickets/{id}/comments", this::comment);
    routes.post(
        "/api/v1/tickets/{id}/status",
        action(
            Set.of("status", "reason"),
            (p, id, b) ->
                actions.status(p, id, JsonBodies.text(b, "status"), JsonBodies.text(b, "reason"))));
    routes.post(
        "/api/v1/tickets/{id}/priority",
        action(
            Set.of("priority", "reason"),
            (p, id, b) ->
                actions.prioritize(
                    p, id, JsonBodies.text(b, "priority"), JsonBodies.text(b, "reason"))));
    routes.post(
        "/api/v1/tickets/{id}/assignee",
        action(
            Set.of("assignee"),
            (p, id, b) -> actions.assign(p, id, JsonBodies.text(b, "assignee"))));
    routes.post(
        "/api/v1/tickets/{id}/incidents",
        action(
            Set.of("incidentId"),
            (p, id, b) -> actions.link(p, id, JsonBodies.text(b, "incidentId"))));
    routes.post(
        "/api/v1/tickets/{id}/watchers",
        action(Set.of("email"), (p, id, b) -> actions.watch(p, id, JsonBodies.text(b, "email"))));
    routes.get("/api/v1/tickets/{id}/attachments/{attachment}", this::download);
  }

  private Principal caller(Context ctx) {
    Principal p = auth.require(ctx);
    if (p.kind() == Principal.Kind.INTEGRATION) {
      throw ApiException.forbidden("integration tokens do not act on tickets");
    }
    return p;
  }

  private void open(Context ctx) {
    Principal p = caller(ctx);
    JsonNode b = Http.parse(Http.body(ctx));
    JsonBodies.only(b, OPEN_FIELDS);
    Ticket.Ref ref =
        actions.open(
            p,
            new TicketActions.NewTicket(
                JsonBodies.text(b, "organization"),
                JsonBodies.text(b, "subject"),
                JsonBodies.text(b, "description"),
                JsonBodies.text(b, "priority"),
                JsonBodies.text(b, "requesterEmail"),
                JsonBodies.strings(b, "watchers"),
                TicketJson.attachments(b),
                "api",
                null));
    Http.json(ctx, 202, Map.of("id", ref.id(), "reference", ref.reference(), "status", "accepted"));
  }

  private void list(Context ctx) {
    Principal p = caller(ctx);
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
    if (priority != null && !io.opsflow.ticket.model.TicketRules.PRIORITIES.contains(priority)) {
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

  private void get(Context ctx) {
    Principal p = caller(ctx);
    TicketQueries.Detail d =
        queries
            .detail(ctx.pathParam("id"), p.scope(), !p.customer())
            .orElseThrow(
                () -> ApiException.notFound("ticket " + ctx.pathParam("id") + " not found"));
    Http.json(ctx, 200, TicketJson.detail(d));
  }

  private void comment(Context ctx) {
    Principal p = caller(ctx);
    JsonNode b = Http.parse(Http.body(ctx));
    JsonBodies.only(b, COMMENT_FIELDS);
    String vis = JsonBodies.text(b, "visibility");
    Visibility v;
    if (vis == null || vis.equals("public")) {
      v = Visibility.PUBLIC;
    } else if (vis.equals("internal")) {
      v = Visibility.INTERNAL;
    } else {
      throw ApiException.badRequest("visibility must be public or internal");
    }
    String id =
        actions.comment(
            p,
            ctx.pathParam("id"),
            JsonBodies.text(b, "body"),
            v,
            TicketJson.attachments(b),
            "api");
    Http.json(ctx, 202, Map.of("id", id, "status", "accepted"));
  }

  /** What an SRE action on one ticket does with the caller, the ticket id and the request body. */
  private interface Action {
    void apply(Principal p, String ticketId, JsonNode body);
  }

  /**
   * The handler of an SRE action: the caller may act on tickets, the body holds only {@code
   * fields}, and the action, once taken, is answered 202 accepted.
   */
  private Handler action(Set<String> fields, Action action) {
    return ctx -> {
      Principal p = caller(ctx);
      JsonNode b = Http.parse(Http.body(ctx));
      JsonBodies.only(b, fields);
      action.apply(p, ctx.pathParam("id"), b);
      Http.json(ctx, 202, Map.of("status", "accepted"));
    };
  }

  private void download(Context ctx) {
    Principal p = caller(ctx);
    String[] a =
        queries
            .attachment(ctx.pathParam("id"), ctx.pathParam("attachment"), p.scope(), !p.customer())
            .orElseThrow(() -> ApiException.notFound("attachment not found"));
    ctx.status(200)
        .contentType("application/octet-stream")
        .header("Content-Disposition", "attachment; filename=\"" + a[0].replace("\"", "_") + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .result(Base64.getDecoder().decode(a[2]));
  }
}
