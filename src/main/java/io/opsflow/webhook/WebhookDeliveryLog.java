package io.opsflow.webhook;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** Deliveries as events are read: one per interested subscription, under a stable id. */
final class WebhookDeliveryLog {
  private WebhookDeliveryLog() {}

  /**
   * Records one delivery per interested subscription and event, inside the caller's transaction. An
   * event seen before (a replay) adds nothing: (subscription, event) is unique.
   */
  static int recordDeliveries(Session session, List<WebhookStore.Event> events, long nowMs) {
    if (events.isEmpty()) {
      return 0;
    }
    List<WebhookSubscriptionRow> subs = WebhookSql.subscriptions(session, null);
    int[] n = new int[1];
    session.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into webhook_delivery (id, subscription_id, event_id, event_type,"
                      + " incident_id, body, status, attempts, created_ms, next_attempt_ms)"
                      + " select ?, ?, ?, ?, ?, ?, ?, 0, ?, ? where not exists (select 1 from"
                      + " webhook_delivery where subscription_id = ? and event_id = ?)")) {
            for (WebhookStore.Event e : events) {
              for (WebhookSubscriptionRow sub : subs) {
                if (!sub.wants(e.type(), e.organization())) {
                  continue;
                }
                ps.setString(1, deliveryId(sub.id(), e.id()));
                ps.setString(2, sub.id());
                ps.setString(3, e.id());
                ps.setString(4, e.type());
                ps.setString(5, e.incidentId());
                ps.setString(6, e.body());
                ps.setString(7, WebhookStore.PENDING);
                ps.setLong(8, nowMs);
                ps.setLong(9, nowMs);
                ps.setString(10, sub.id());
                ps.setString(11, e.id());
                n[0] += ps.executeUpdate();
              }
            }
          }
        });
    return n[0];
  }

  /**
   * The delivery id of an event for a subscription, the same however often the pair is recorded: a
   * delivery row lost in a crash, or an event read again from the topic, is sent again under the id
   * the receiver saw before, so receivers that deduplicate by {@code Opsflow-Delivery} see it once.
   */
  static String deliveryId(String subscriptionId, String eventId) {
    byte[] name = (subscriptionId + "\n" + eventId).getBytes(StandardCharsets.UTF_8);
    return "whd_" + UUID.nameUUIDFromBytes(name);
  }
}
