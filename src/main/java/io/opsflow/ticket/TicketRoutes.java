package io.opsflow.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.access.Authenticator;
import io.opsflow.access.Principal;
import io.opsflow.access.Users;
import io.opsflow.http.ApiException;
import io.opsflow.http.Http;
import io.opsflow.http.JsonBodies;
import io.opsflow.ticket.model.Ticket;
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
  private final Users users;

  public TicketRoutes(
      Authenticator auth, TicketQueries queries, TicketActions actions, Users users) {
    this.auth = auth;
    this.queries = queries;
    this.actions = actions;
    this.users = users;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/tickets", this::open);
    routes.get("/api/v1/tickets", new TicketListRoute(auth, queries)::list);
    routes.get("/api/v1/tickets/{id}", this::get);
    routes.post("/api/v1/tickets/{id}/comments", this::comment);
    new TicketActionRoutes(auth, actions).register(routes);
    routes.get("/api/v1/tickets/{id}/attachments/{attachment}", this::download);
  }

  private Principal caller(Context ctx) {
    return caller(auth, ctx);
  }

  /** The caller of a ticket route: a person, never an integration token. */
  static Principal caller(Authenticator auth, Context ctx) {
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
