package io.opsflow.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.opsflow.access.Authenticator;
import io.opsflow.access.Principal;
import io.opsflow.http.Http;
import io.opsflow.http.JsonBodies;
import java.util.Map;
import java.util.Set;

/** The SRE actions on one ticket: status, priority, assignee, linked incidents, watchers. */
final class TicketActionRoutes {
  private final Authenticator auth;
  private final TicketActions actions;

  TicketActionRoutes(Authenticator auth, TicketActions actions) {
    this.auth = auth;
    this.actions = actions;
  }

  void register(RoutesConfig routes) {
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
      Principal p = TicketRoutes.caller(auth, ctx);
      JsonNode b = Http.parse(Http.body(ctx));
      JsonBodies.only(b, fields);
      action.apply(p, ctx.pathParam("id"), b);
      Http.json(ctx, 202, Map.of("status", "accepted"));
    };
  }
}
