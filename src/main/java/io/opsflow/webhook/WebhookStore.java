package io.opsflow.webhook;

import io.opsflow.db.Database;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Webhook subscriptions and their deliveries, in plain JDBC. */
public final class WebhookStore {
  public static final String PENDING = "pending";
  public static final String DELIVERED = "delivered";
  public static final String DROPPED = "dropped";

  private final WebhookSubscriptions subscriptions;
  private final WebhookDeliveries deliveries;

  public WebhookStore(Database db) {
    this.subscriptions = new WebhookSubscriptions(db);
    this.deliveries = new WebhookDeliveries(db);
  }

  /** An event read from Kafka, for the deliveries it causes. */
  public record Event(
      String id, String type, String incidentId, String organization, String body) {}

  public WebhookSubscriptionRow create(
      String url, List<String> events, String organization, String secret, long nowMs) {
    return subscriptions.create(url, events, organization, secret, nowMs);
  }

  /** Subscriptions, oldest first; all of them for a null organization. */
  public List<WebhookSubscriptionRow> list(String organization) {
    return subscriptions.list(organization);
  }

  public Optional<WebhookSubscriptionRow> find(String id) {
    return subscriptions.find(id);
  }

  /** Deletes the subscription and its deliveries; false when there was none. */
  public boolean delete(String id) {
    return subscriptions.delete(id);
  }

  /** Re-activates the subscription and forgets its run of drops. */
  public Optional<WebhookSubscriptionRow> enable(String id) {
    return subscriptions.enable(id);
  }

  /** Makes {@code secret} current; the old one keeps signing until {@code previousUntilMs}. */
  public Optional<WebhookSubscriptionRow> rotate(String id, String secret, long previousUntilMs) {
    return subscriptions.rotate(id, secret, previousUntilMs);
  }

  /**
   * Records one delivery per interested subscription and event, inside the caller's transaction. An
   * event seen before (a replay) adds nothing: (subscription, event) is unique.
   */
  public static int recordDeliveries(Session session, List<Event> events, long nowMs) {
    return WebhookDeliveryLog.recordDeliveries(session, events, nowMs);
  }

  /**
   * The delivery id of an event for a subscription, the same however often the pair is recorded
   * (see {@link WebhookDeliveryLog#deliveryId}).
   */
  public static String deliveryId(String subscriptionId, String eventId) {
    return WebhookDeliveryLog.deliveryId(subscriptionId, eventId);
  }

  /**
   * Pending deliveries that are due, of active subscriptions, each the first pending one of its
   * incident for its subscription (so an incident's events leave in order).
   */
  public List<WebhookDeliveryRow> due(long nowMs, int limit) {
    return deliveries.due(nowMs, limit);
  }

  /** A 2xx answer: the delivery is done and the subscription's run of drops ends. */
  public void delivered(WebhookDeliveryRow d, long nowMs) {
    deliveries.delivered(d, nowMs);
  }

  /** A failed attempt to be retried at {@code nextAttemptMs}. */
  public void retryLater(WebhookDeliveryRow d, String error, long nextAttemptMs) {
    deliveries.retryLater(d, error, nextAttemptMs);
  }

  /**
   * A failed attempt after which the delivery is given up; the subscription is disabled when this
   * makes {@code dropsToDisable} drops in a row.
   */
  public void dropped(WebhookDeliveryRow d, String error, long nowMs, int dropsToDisable) {
    deliveries.dropped(d, error, nowMs, dropsToDisable);
  }
}
