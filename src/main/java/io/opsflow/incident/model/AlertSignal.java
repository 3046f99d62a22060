package io.opsflow.incident.model;

import java.time.Instant;
import java.util.List;

/**
 * One alert notification, normalized from whatever sent it: an Alertmanager group notification (key
 * = {@code groupKey}, one item per alert fingerprint) or a PagerDuty Events API v2 event (key =
 * {@code dedup_key}, one item).
 */
public record AlertSignal(
    String envelopeId,
    String organizationId,
    String integrationId,
    String actor,
    String source,
    String alertKey,
    Action action,
    String title,
    String severity,
    String labelsJson,
    Instant at,
    List<Item> items) {

  public enum Action {
    TRIGGER,
    ACKNOWLEDGE,
    RESOLVE
  }

  /** One alert inside the notification, identified by its fingerprint (or dedup key). */
  public record Item(String fingerprint, boolean firing, String summary, String labelsJson) {}
}
