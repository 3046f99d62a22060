package io.opsflow.incident;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.access.Authenticator;
import io.opsflow.access.Principal;
import io.opsflow.db.Page;
import io.opsflow.http.ApiException;
import io.opsflow.http.Http;
import io.opsflow.incident.model.IncidentStatus;
import io.opsflow.intake.EnvelopeTypes;
import java.util.Locale;
import java.util.Map;

/** Incidents: list, detail with timeline, and the acknowledge/resolve/escalate/priority actions. */
public final class IncidentRoutes {
  private final Authenticator auth;
  private final IncidentQueries queries;
  private final IncidentActions actions;

  public IncidentRoutes(Authenticator auth, IncidentQueries queries, IncidentActions actions) {
    this.auth = auth;
    this.queries = queries;
    this.actions = actions;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/incidents", this::list);
    routes.get("/api/v1/incidents/{id}", this::get);
    routes.post("/api/v1/incidents/{id}/acknowledge", ctx -> act(ctx, EnvelopeTypes.ACKNOWLEDGE));
    routes.post("/api/v1/incidents/{id}/resolve", ctx -> act(ctx, EnvelopeTypes.RESOLVE));
    routes.post("/api/v1/incidents/{id}/escalate", ctx -> act(ctx, EnvelopeTypes.ESCALATE));
    routes.post("/api/v1/incidents/{id}/priority", this::prioritize);
    routes.post("/api/v1/incidents/{id}/sla/pause", ctx -> slaClocks(ctx, true));
    routes.post("/api/v1/incidents/{id}/sla/resume", ctx -> slaClocks(ctx, false));
  }

  private Principal reader(Context ctx) {
    Principal p = auth.require(ctx);
    if (p.kind() == Principal.Kind.INTEGRATION) {
      throw ApiException.forbidden("integration tokens send alerts; they cannot read incidents");
    }
    return p;
  }

  private void list(Context ctx) {
    Principal p = reader(ctx);
    IncidentStatus status = parseStatus(ctx.queryParam("status"));
    Page<IncidentQueries.Summary> page;
    try {
      page = queries.listWithSla(p.scope(), status, Http.limit(ctx), ctx.queryParam("cursor"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    Http.json(ctx, 200, IncidentJson.page(page));
  }

  private void get(Context ctx) {
    Principal p = reader(ctx);
    IncidentQueries.Detail d =
        queries
            .get(p.scope(), ctx.pathParam("id"))
            .orElseThrow(() -> ApiException.notFound("no incident " + ctx.pathParam("id")));
    Http.json(ctx, 200, IncidentJson.detail(d));
  }

  private void act(Context ctx, String type) {
    Principal p = actor(ctx);
    String id = ctx.pathParam("id");
    String commandId = actions.request(id, type, p.actor(), "/api/v1/incidents", p.scope());
    Http.json(ctx, 202, Map.of("id", commandId, "incidentId", id, "status", "accepted"));
  }

  /** {@code {"priority": "P-1"}}: SREs and admins set the priority; the timeline says who. */
  private void prioritize(Context ctx) {
    Principal p = actor(ctx);
    JsonNode body = Http.parse(Http.body(ctx));
    String priority = body.path("priority").asText("");
    String id = ctx.pathParam("id");
    String commandId = actions.prioritize(id, priority, p.actor(), "/api/v1/incidents", p.scope());
    Http.json(
        ctx,
        202,
        Map.of("id", commandId, "incidentId", id, "priority", priority, "status", "accepted"));
  }

  /** {@code {"reason": "waiting on the customer"}}: pauses the SLA clocks; resume needs no body. */
  private void slaClocks(Context ctx, boolean pause) {
    Principal p = actor(ctx);
    byte[] raw = Http.body(ctx);
    String reason = raw.length == 0 ? null : Http.parse(raw).path("reason").asText(null);
    String id = ctx.pathParam("id");
    String commandId =
        actions.slaClocks(id, pause, reason, p.actor(), "/api/v1/incidents", p.scope());
    Http.json(ctx, 202, Map.of("id", commandId, "incidentId", id, "status", "accepted"));
  }

  private Principal actor(Context ctx) {
    Principal p = reader(ctx);
    if (!p.mayActOnIncidents()) {
      throw ApiException.forbidden("this token may read incidents but not act on them");
    }
    return p;
  }

  private static IncidentStatus parseStatus(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return IncidentStatus.valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("status must be triggered, acknowledged or resolved");
    }
  }
}
