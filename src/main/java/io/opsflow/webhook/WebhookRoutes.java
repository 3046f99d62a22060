package io.opsflow.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.opsflow.access.Authenticator;
import io.opsflow.access.Principal;
import io.opsflow.db.Audit;
import io.opsflow.http.ApiException;
import io.opsflow.http.Fields;
import io.opsflow.http.Http;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Webhook subscriptions, for admins. The signing secret is answered once, when created or rotated;
 * after a rotation the previous secret keeps signing alongside the new one for 24 hours. Every
 * change is on the audit trail ({@code webhook.create}, {@code .delete}, {@code .enable}, {@code
 * .rotate_secret}), never with the secret or the URL's query.
 */
public final class WebhookRoutes {
  private final boolean allowPrivate;
  static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

  private final Authenticator auth;
  private final WebhookStore store;
  private final Runnable wake;
  private final Clock clock;
  private final Audit audit;

  public WebhookRoutes(
      Authenticator auth,
      WebhookStore store,
      Runnable wake,
      Clock clock,
      boolean allowPrivate,
      Audit audit) {
    this.allowPrivate = allowPrivate;
    this.auth = auth;
    this.store = store;
    this.wake = wake;
    this.clock = clock;
    this.audit = audit;
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/v1/webhooks", this::create);
    routes.get("/api/v1/webhooks", this::list);
    routes.delete("/api/v1/webhooks/{id}", this::delete);
    routes.post("/api/v1/webhooks/{id}/enable", this::enable);
    routes.post("/api/v1/webhooks/{id}/rotate-secret", this::rotate);
  }

  private void create(Context ctx) {
    Principal p = auth.requireAdmin(ctx);
    JsonNode body = Http.parse(Http.body(ctx));
    String url = WebhookUrls.checked(body.path("url").asText(""), allowPrivate);
    List<String> events = new ArrayList<>();
    body.path("events").forEach(e -> events.add(e.asText("").trim()));
    if (events.isEmpty() || events.stream().anyMatch(e -> !e.matches("\\*|[a-z_]+\\.[a-z_]+"))) {
      throw ApiException.badRequest(
          "events must be a list of event names (\"incident.triggered\", ...) or [\"*\"]");
    }
    String org = body.path("organization").asText("").trim();
    Fields.atMost("organization", org, 200);
    Fields.atMost("events", String.join(",", events), 2000);
    String secret = WebhookSecrets.generate();
    WebhookSubscriptionRow row =
        store.create(url, events, org.isEmpty() ? null : org, secret, clock.millis());
    audited(p, "webhook.create", row);
    Map<String, Object> out = WebhookJson.describe(row);
    out.put("secret", secret);
    Http.json(ctx, 201, out);
  }

  private void list(Context ctx) {
    Principal p = auth.requireAdmin(ctx);
    Http.noCursor(ctx);
    List<Object> items = new ArrayList<>();
    store.list(p.scope()).forEach(r -> items.add(WebhookJson.describe(r)));
    Http.json(ctx, 200, Map.of("items", items));
  }

  private void delete(Context ctx) {
    Principal p = auth.requireAdmin(ctx);
    WebhookSubscriptionRow row = store.find(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx));
    if (!store.delete(row.id())) {
      throw notFound(ctx);
    }
    audited(p, "webhook.delete", row);
    ctx.status(204);
  }

  private void enable(Context ctx) {
    Principal p = auth.requireAdmin(ctx);
    WebhookSubscriptionRow row = store.enable(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx));
    audited(p, "webhook.enable", row);
    wake.run();
    Http.json(ctx, 200, WebhookJson.describe(row));
  }

  private void rotate(Context ctx) {
    Principal p = auth.requireAdmin(ctx);
    String secret = WebhookSecrets.generate();
    long until = clock.millis() + ROTATION_OVERLAP.toMillis();
    WebhookSubscriptionRow row =
        store.rotate(ctx.pathParam("id"), secret, until).orElseThrow(() -> notFound(ctx));
    audited(p, "webhook.rotate_secret", row);
    Map<String, Object> out = WebhookJson.describe(row);
    out.put("secret", secret);
    out.put("previousSecretValidUntil", Instant.ofEpochMilli(until).toString());
    Http.json(ctx, 200, out);
  }

  /** The audit line of a change: the URL without its query (which may carry a secret). */
  private void audited(Principal p, String action, WebhookSubscriptionRow row) {
    URI u = URI.create(row.url());
    String where = u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    String detail = where + (u.getRawPath() == null ? "" : u.getRawPath()) + " " + row.events();
    audit.record(p.actor(), row.organizationId(), action, row.id(), detail);
  }

  private static ApiException notFound(Context ctx) {
    return ApiException.notFound("no webhook " + ctx.pathParam("id"));
  }
}
