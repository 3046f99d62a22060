package io.opsflow.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A subscription as the API answers it (never with its secret). */
final class WebhookJson {
  private WebhookJson() {}

  static Map<String, Object> describe(WebhookSubscriptionRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("url", r.url());
    m.put("events", r.events());
    m.put("organization", r.organizationId());
    m.put("status", r.status());
    m.put("dropsInRow", r.dropsInRow());
    m.put("failedAttempts", r.failedAttempts());
    m.put("lastError", r.lastError());
    m.put("createdAt", Instant.ofEpochMilli(r.createdMs()).toString());
    return m;
  }
}
