package io.opsflow.webhook;

import io.opsflow.db.Database;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The subscriptions admins manage: created, listed, deleted, enabled again, their secret rotated.
 */
final class WebhookSubscriptions {
  private final Database db;

  WebhookSubscriptions(Database db) {
    this.db = db;
  }

  WebhookSubscriptionRow create(
      String url, List<String> events, String organization, String secret, long nowMs) {
    String id = "wh_" + UUID.randomUUID();
    WebhookSql.work(
        db,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into webhook_subscription (id, url, events, organization_id, secret,"
                      + " status, drops_in_row, failed_attempts, created_ms)"
                      + " values (?, ?, ?, ?, ?, ?, 0, 0, ?)")) {
            ps.setString(1, id);
            ps.setString(2, url);
            ps.setString(3, String.join(",", events));
            ps.setString(4, organization);
            ps.setString(5, secret);
            ps.setString(6, WebhookSubscriptionRow.ACTIVE);
            ps.setLong(7, nowMs);
            ps.executeUpdate();
          }
        });
    return find(id).orElseThrow();
  }

  /** Subscriptions, oldest first; all of them for a null organization. */
  List<WebhookSubscriptionRow> list(String organization) {
    return db.inTransaction(s -> WebhookSql.subscriptions(s, organization));
  }

  Optional<WebhookSubscriptionRow> find(String id) {
    return db.inTransaction(s -> WebhookSql.byId(s, id));
  }

  /** Deletes the subscription and its deliveries; false when there was none. */
  boolean delete(String id) {
    int[] n = new int[1];
    WebhookSql.work(
        db,
        c -> {
          try (PreparedStatement d =
                  c.prepareStatement("delete from webhook_delivery where subscription_id = ?");
              PreparedStatement s =
                  c.prepareStatement("delete from webhook_subscription where id = ?")) {
            d.setString(1, id);
            d.executeUpdate();
            s.setString(1, id);
            n[0] = s.executeUpdate();
          }
        });
    return n[0] > 0;
  }

  /** Re-activates the subscription and forgets its run of drops. */
  Optional<WebhookSubscriptionRow> enable(String id) {
    return update(
        id,
        "update webhook_subscription set status = '"
            + WebhookSubscriptionRow.ACTIVE
            + "', drops_in_row = 0 where id = ?");
  }

  /** Makes {@code secret} current; the old one keeps signing until {@code previousUntilMs}. */
  Optional<WebhookSubscriptionRow> rotate(String id, String secret, long previousUntilMs) {
    WebhookSql.work(
        db,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update webhook_subscription set previous_secret = secret, secret = ?,"
                      + " previous_until_ms = ? where id = ?")) {
            ps.setString(1, secret);
            ps.setLong(2, previousUntilMs);
            ps.setString(3, id);
            ps.executeUpdate();
          }
        });
    return find(id);
  }

  private Optional<WebhookSubscriptionRow> update(String id, String sql) {
    WebhookSql.work(
        db,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.executeUpdate();
          }
        });
    return find(id);
  }
}
