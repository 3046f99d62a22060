package io.opsflow.webhook;

import static io.opsflow.webhook.WebhookStore.DELIVERED;
import static io.opsflow.webhook.WebhookStore.DROPPED;
import static io.opsflow.webhook.WebhookStore.PENDING;

import io.opsflow.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Deliveries on their way: which are due, and what each attempt's answer does to them. */
final class WebhookDeliveries {
  private final Database db;

  WebhookDeliveries(Database db) {
    this.db = db;
  }

  /**
   * Pending deliveries that are due, of active subscriptions, each the first pending one of its
   * incident for its subscription (so an incident's events leave in order).
   */
  List<WebhookDeliveryRow> due(long nowMs, int limit) {
    return db.inTransaction(
        s -> {
          List<WebhookDeliveryRow> out = new ArrayList<>();
          s.doWork(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "select d.seq, d.id, d.event_type, d.incident_id, d.body, d.attempts,"
                            + " d.created_ms, "
                            + WebhookSql.SUBSCRIPTION_COLUMNS
                            + " from webhook_delivery d join webhook_subscription s"
                            + " on s.id = d.subscription_id"
                            + " where d.status = ? and d.next_attempt_ms <= ? and s.status = ?"
                            + " and not exists (select 1 from webhook_delivery p"
                            + " where p.subscription_id = d.subscription_id"
                            + " and p.incident_id = d.incident_id and p.status = ?"
                            + " and p.seq < d.seq)"
                            + " order by d.seq fetch first ? rows only")) {
                  ps.setString(1, PENDING);
                  ps.setLong(2, nowMs);
                  ps.setString(3, WebhookSubscriptionRow.ACTIVE);
                  ps.setString(4, PENDING);
                  ps.setInt(5, limit);
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      out.add(
                          new WebhookDeliveryRow(
                              rs.getLong(1),
                              rs.getString(2),
                              rs.getString(3),
                              rs.getString(4),
                              rs.getString(5),
                              rs.getInt(6),
                              rs.getLong(7),
                              WebhookSql.subscription(rs, 8)));
                    }
                  }
                }
              });
          return out;
        });
  }

  /** A 2xx answer: the delivery is done and the subscription's run of drops ends. */
  void delivered(WebhookDeliveryRow d, long nowMs) {
    WebhookSql.work(
        db,
        c -> {
          finish(c, d.id(), DELIVERED, null, nowMs);
          try (PreparedStatement ps =
              c.prepareStatement("update webhook_subscription set drops_in_row = 0 where id = ?")) {
            ps.setString(1, d.subscription().id());
            ps.executeUpdate();
          }
        });
  }

  /** A failed attempt to be retried at {@code nextAttemptMs}. */
  void retryLater(WebhookDeliveryRow d, String error, long nextAttemptMs) {
    WebhookSql.work(
        db,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update webhook_delivery set attempts = attempts + 1, last_error = ?,"
                      + " next_attempt_ms = ? where id = ?")) {
            ps.setString(1, WebhookSql.clip(error));
            ps.setLong(2, nextAttemptMs);
            ps.setString(3, d.id());
            ps.executeUpdate();
          }
          failedAttempt(c, d.subscription().id(), error, 0, Integer.MAX_VALUE);
        });
  }

  /**
   * A failed attempt after which the delivery is given up; the subscription is disabled when this
   * makes {@code dropsToDisable} drops in a row.
   */
  void dropped(WebhookDeliveryRow d, String error, long nowMs, int dropsToDisable) {
    WebhookSql.work(
        db,
        c -> {
          finish(c, d.id(), DROPPED, error, nowMs);
          failedAttempt(c, d.subscription().id(), error, 1, dropsToDisable);
        });
  }

  private static void finish(Connection c, String id, String status, String error, long nowMs)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update webhook_delivery set status = ?, attempts = attempts + 1, finished_ms = ?,"
                + " last_error = coalesce(?, last_error) where id = ?")) {
      ps.setString(1, status);
      ps.setLong(2, nowMs);
      ps.setString(3, WebhookSql.clip(error));
      ps.setString(4, id);
      ps.executeUpdate();
    }
  }

  private static void failedAttempt(
      Connection c, String subscription, String error, int drops, int dropsToDisable)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update webhook_subscription set failed_attempts = failed_attempts + 1,"
                + " last_error = ?, drops_in_row = drops_in_row + ?,"
                + " status = case when drops_in_row + ? >= ? then ? else status end"
                + " where id = ?")) {
      ps.setString(1, WebhookSql.clip(error));
      ps.setInt(2, drops);
      ps.setInt(3, drops);
      ps.setInt(4, dropsToDisable);
      ps.setString(5, WebhookSubscriptionRow.DISABLED);
      ps.setString(6, subscription);
      ps.executeUpdate();
    }
  }
}
