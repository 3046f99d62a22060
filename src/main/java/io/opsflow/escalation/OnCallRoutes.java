package io.opsflow.escalation;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.access.Authenticator;
import io.opsflow.access.Principal;
import io.opsflow.db.Audit;
import io.opsflow.escalation.config.OnCallConfig;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.escalation.model.Schedule;
import io.opsflow.http.ApiException;
import io.opsflow.http.Http;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * On-call as configured: who is on call, a schedule's shifts, the escalation policies, and the
 * reload of the on-call directory (on the audit trail as {@code oncall.reload}). Admins and SRE
 * users only.
 */
public final class OnCallRoutes {
  /** The longest range of shifts one request may ask for. */
  static final Duration MAX_SHIFT_RANGE = Duration.ofDays(31);

  private final Authenticator auth;
  private final OnCallConfig config;
  private final Audit audit;

  public OnCallRoutes(Authenticator auth, OnCallConfig config, Audit audit) {
    this.auth = auth;
    this.config = config;
    this.audit = audit;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/oncall", this::onCall);
    routes.post("/api/v1/oncall/reload", this::reload);
    routes.get("/api/v1/schedules/{id}/shifts", this::shifts);
    routes.get("/api/v1/escalation-policies", this::policies);
  }

  private void staff(Context ctx) {
    Principal p = auth.require(ctx);
    boolean sre = p.kind() == Principal.Kind.USER && !"customer".equalsIgnoreCase(p.role());
    if (!p.admin() && !sre) {
      throw ApiException.forbidden("on-call is visible to admins and SRE users only");
    }
  }

  private void onCall(Context ctx) {
    staff(ctx);
    Instant at = instant(ctx, "at", Instant.now());
    List<Map<String, Object>> items =
        config.snapshot().schedules().values().stream()
            .sorted(Comparator.comparing(Schedule::id))
            .map(s -> OnCallJson.onCall(s, at))
            .toList();
    Http.json(ctx, 200, OnCallJson.items(items));
  }

  private void shifts(Context ctx) {
    staff(ctx);
    String id = ctx.pathParam("id");
    Schedule schedule = config.snapshot().schedules().get(id);
    if (schedule == null) {
      throw ApiException.notFound("no schedule " + id);
    }
    Instant from = instant(ctx, "from", Instant.now());
    Instant to = instant(ctx, "to", from.plus(Duration.ofDays(7)));
    if (!to.isAfter(from)) {
      throw ApiException.badRequest("'to' must be after 'from'");
    }
    if (Duration.between(from, to).compareTo(MAX_SHIFT_RANGE) > 0) {
      throw ApiException.badRequest("at most 31 days of shifts per request");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schedule", id);
    body.put("from", from);
    body.put("to", to);
    body.put("items", schedule.shifts(from, to).stream().map(OnCallJson::shift).toList());
    Http.json(ctx, 200, body);
  }

  private void policies(Context ctx) {
    staff(ctx);
    Http.json(
        ctx,
        200,
        OnCallJson.items(config.snapshot().policies().stream().map(OnCallJson::policy).toList()));
  }

  private void reload(Context ctx) {
    Principal p = auth.requireAdmin(ctx);
    List<String> problems = config.reload();
    if (!problems.isEmpty()) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", "invalid configuration");
      body.put(
          "detail", "the configuration in force is unchanged: " + problems.size() + " problem(s)");
      body.put("problems", problems);
      Http.json(ctx, 422, body);
      return;
    }
    OnCallSnapshot s = config.snapshot();
    audit.record(
        p.actor(),
        null,
        "oncall.reload",
        null,
        s.users().size()
            + " users, "
            + s.schedules().size()
            + " schedules, "
            + s.policies().size()
            + " policies");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "reloaded");
    body.put("users", s.users().size());
    body.put("schedules", s.schedules().size());
    body.put("policies", s.policies().size());
    body.put("loadedAt", s.loadedAt());
    Http.json(ctx, 200, body);
  }

  private static Instant instant(Context ctx, String name, Instant fallback) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Instant.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "'" + name + "' must be an ISO-8601 instant such as 2026-03-29T10:00:00Z");
    }
  }
}
