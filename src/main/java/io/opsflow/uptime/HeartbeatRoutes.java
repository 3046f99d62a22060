package io.opsflow.uptime;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.access.Authenticator;
import io.opsflow.access.Principal;
import io.opsflow.http.ApiException;
import io.opsflow.http.Http;
import io.opsflow.http.JsonBodies;
import io.opsflow.sla.SlaJson;
import io.opsflow.uptime.model.Heartbeat;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Heartbeats (dead-man's switches). {@code POST /api/v1/heartbeats/{source}} with an integration
 * token is a beat, and registers or updates the source when the body carries settings; the beat is
 * stored at once (no Kafka hop: a beat is a fact about now, and the scanner acts on it). {@code GET
 * /api/v1/heartbeats} lists the organization's sources.
 */
public final class HeartbeatRoutes {
  private static final java.util.Set<String> SETTINGS =
      java.util.Set.of("interval", "grace", "retention");
  private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

  private final Authenticator auth;
  private final HeartbeatStore store;
  private final Clock clock;

  public HeartbeatRoutes(Authenticator auth, HeartbeatStore store, Clock clock) {
    this.auth = auth;
    this.store = store;
    this.clock = clock;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/heartbeats/{source}", this::beat);
    routes.get("/api/v1/heartbeats", this::list);
  }

  private void beat(Context ctx) {
    Principal integration = auth.requireIntegration(Http.bearer(ctx));
    String source = ctx.pathParam("source");
    if (!SOURCE.matcher(source).matches()) {
      throw ApiException.badRequest("source must be 1 to 200 letters, digits or . _ : -");
    }
    byte[] raw = Http.body(ctx);
    HeartbeatStore.Settings settings = null;
    if (raw.length > 0 && !new String(raw, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      settings = settings(Http.parse(raw), integration.organizationId(), source);
    }
    Instant now = clock.instant();
    Heartbeat h = store.beat(integration.organizationId(), source, settings, now);
    Http.json(ctx, 200, SlaJson.heartbeat(h, now));
  }

  private HeartbeatStore.Settings settings(JsonNode body, String org, String source) {
    JsonBodies.only(body, SETTINGS);
    if (!body.has("interval") && !body.has("grace") && !body.has("retention")) {
      return null;
    }
    java.util.Optional<HeartbeatStore.Settings> current =
        store
            .find(org, source)
            .filter(h -> h.state() != Heartbeat.State.UNREGISTERED)
            .map(h -> new HeartbeatStore.Settings(h.interval(), h.grace(), h.retention()));
    HeartbeatStore.Settings base = current.orElse(HeartbeatStore.Settings.defaults());
    Duration interval = duration(body, "interval", base.interval());
    // a new source's grace defaults to its interval; a registered one keeps its grace
    Duration grace = duration(body, "grace", current.isPresent() ? base.grace() : interval);
    Duration retention = duration(body, "retention", base.retention());
    Heartbeat.invalid(interval, grace, retention)
        .ifPresent(
            reason -> {
              throw ApiException.badRequest(reason);
            });
    return new HeartbeatStore.Settings(interval, grace, retention);
  }

  private static Duration duration(JsonNode body, String field, Duration fallback) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    try {
      return Duration.parse(v.asText());
    } catch (DateTimeException e) {
      throw ApiException.badRequest(field + " must be an ISO-8601 duration such as PT30S or P7D");
    }
  }

  private void list(Context ctx) {
    Principal p = auth.require(ctx);
    Http.noCursor(ctx);
    Instant now = clock.instant();
    Http.json(
        ctx,
        200,
        SlaJson.items(store.list(p.scope()).stream().map(h -> SlaJson.heartbeat(h, now)).toList()));
  }
}
