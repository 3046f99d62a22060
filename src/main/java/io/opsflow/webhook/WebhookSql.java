package io.opsflow.webhook;

import io.opsflow.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.jdbc.Work;

/**
 * What the webhook tables' readers and writers share: the subscription columns and one transaction.
 */
final class WebhookSql {
  static final String SUBSCRIPTION_COLUMNS =
      "s.id, s.url, s.events, s.organization_id, s.secret, s.previous_secret,"
          + " s.previous_until_ms, s.status, s.drops_in_row, s.failed_attempts, s.last_error,"
          + " s.created_ms";

  private WebhookSql() {}

  static List<WebhookSubscriptionRow> subscriptions(Session s, String organization) {
    List<WebhookSubscriptionRow> out = new ArrayList<>();
    s.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select "
                      + SUBSCRIPTION_COLUMNS
                      + " from webhook_subscription s"
                      + " where (? is null or s.organization_id = ?) order by s.created_ms, s.id")) {
            ps.setObject(1, organization, Types.VARCHAR);
            ps.setObject(2, organization, Types.VARCHAR);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(subscription(rs, 1));
              }
            }
          }
        });
    return out;
  }

  static Optional<WebhookSubscriptionRow> byId(Session s, String id) {
    List<WebhookSubscriptionRow> out = new ArrayList<>();
    s.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select "
                      + SUBSCRIPTION_COLUMNS
                      + " from webhook_subscription s"
                      + " where s.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(subscription(rs, 1));
              }
            }
          }
        });
    return out.stream().findFirst();
  }

  static WebhookSubscriptionRow subscription(ResultSet rs, int i) throws SQLException {
    long until = rs.getLong(i + 6);
    Long previousUntil = rs.wasNull() ? null : until;
    return new WebhookSubscriptionRow(
        rs.getString(i),
        rs.getString(i + 1),
        List.of(rs.getString(i + 2).split(",")),
        rs.getString(i + 3),
        rs.getString(i + 4),
        rs.getString(i + 5),
        previousUntil,
        rs.getString(i + 7),
        rs.getInt(i + 8),
        rs.getLong(i + 9),
        rs.getString(i + 10),
        rs.getLong(i + 11));
  }

  static void work(Database db, Work work) {
    db.inTransaction(
        s -> {
          s.doWork(work);
          return null;
        });
  }

  static String clip(String s) {
    return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
  }
}
