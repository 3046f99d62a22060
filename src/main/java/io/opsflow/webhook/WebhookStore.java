package io.opsflow.webhook;

import io.opsflow.db.Database;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** Webhook subscriptions and their deliveries, in plain JDBC. */
public final class WebhookStore {
  public static final String PENDING = "pending";
  public static final String DELIVERED = "delivered";
  public static final String DROPPED = "dropped";

  private static final String SUBSCRIPTION_COLUMNS =
      "s.id, s.url, s.events, s.organization_id, s.secret, s.previous_secret,"
          + " s.previous_until_ms, s.status, s.drops_in_row, s.failed_attempts, s.last_error,"
          + " s.created_ms";

  private final Database db;

  public WebhookStore(Database db) {
    this.db = db;
  }

  /** An event read from Kafka, for the deliveries it causes. */
  public record Event(
      String id, String type, String incidentId, String organization, String body) {}

  public WebhookSubscriptionRow create(
      String url, List<String> events, String organization, String secret, long nowMs) {
    String id = "wh_" + UUID.randomUUID();
    work(
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
  public List<WebhookSubscriptionRow> list(String organization) {
    return db.inTransaction(s -> subscriptions(s, organization));
  }

  public Optional<WebhookSubscriptionRow> find(String id) {
    return db.inTransaction(
        s -> {
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
        });
  }

  /** Deletes the subscription and its deliveries; false when there was none. */
  public boolean delete(String id) {
    int[] n = new int[1];
    work(
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
  public Optional<WebhookSubscriptionRow> enable(String id) {
    return update(
        id,
        "update webhook_subscription set status = '"
            + WebhookSubscriptionRow.ACTIVE
            + "', drops_in_row = 0 where id = ?");
  }

  /** Makes {@code secret} current; the old one keeps signing until {@code previousUntilMs}. */
  public Optional<WebhookSubscriptionRow> rotate(String id, String secret, long previousUntilMs) {
    work(
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

  /**
   * Records one delivery per interested subscription and event, inside the caller's transaction. An
   * event seen before (a replay) adds nothing: (subscription, event) is unique.
   */
  public static int recordDeliveries(Session session, List<Event> events, long nowMs) {
    if (events.isEmpty()) {
      return 0;
    }
    List<WebhookSubscriptionRow> subs = subscriptions(session, null);
    int[] n = new int[1];
    session.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into webhook_delivery (id, subscription_id, event_id, event_type,"
                      + " incident_id, body, status, attempts, created_ms, next_attempt_ms)"
                      + " select ?, ?, ?, ?, ?, ?, ?, 0, ?, ? where not exists (select 1 from"
                      + " webhook_delivery where subscription_id = ? and event_id = ?)")) {
            for (Event e : events) {
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
                ps.setString(7, PENDING);
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
  public static String deliveryId(String subscriptionId, String eventId) {
    byte[] name = (subscriptionId + "\n" + eventId).getBytes(StandardCharsets.UTF_8);
    return "whd_" + UUID.nameUUIDFromBytes(name);
  }

  /**
   * Pending deliveries that are due, of active subscriptions, each the first pending one of its
   * incident for its subscription (so an incident's events leave in order).
   */
  public List<WebhookDeliveryRow> due(long nowMs, int limit) {
    return db.inTransaction(
        s -> {
          List<WebhookDeliveryRow> out = new ArrayList<>();
          s.doWork(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "select d.seq, d.id, d.event_type, d.incident_id, d.body, d.attempts,"
                            + " d.created_ms, "
                            + SUBSCRIPTION_COLUMNS
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
                              subscription(rs, 8)));
                    }
                  }
                }
              });
          return out;
        });
  }

  /** A 2xx answer: the delivery is done and the subscription's run of drops ends. */
  public void delivered(WebhookDeliveryRow d, long nowMs) {
    work(
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
  public void retryLater(WebhookDeliveryRow d, String error, long nextAttemptMs) {
    work(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update webhook_delivery set attempts = attempts + 1, last_error = ?,"
                      + " next_attempt_ms = ? where id = ?")) {
            ps.setString(1, clip(error));
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
  public void dropped(WebhookDeliveryRow d, String error, long nowMs, int dropsToDisable) {
    work(
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
      ps.setString(3, clip(error));
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
      ps.setString(1, clip(error));
      ps.setInt(2, drops);
      ps.setInt(3, drops);
      ps.setInt(4, dropsToDisable);
      ps.setString(5, WebhookSubscriptionRow.DISABLED);
      ps.setString(6, subscription);
      ps.executeUpdate();
    }
  }

  private static List<WebhookSubscriptionRow> subscriptions(Session s, String organization) {
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

  private static WebhookSubscriptionRow subscription(ResultSet rs, int i) throws SQLException {
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

  private Optional<WebhookSubscriptionRow> update(String id, String sql) {
    work(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.executeUpdate();
          }
        });
    return find(id);
  }

  private void work(org.hibernate.jdbc.Work work) {
    db.inTransaction(
        s -> {
          s.doWork(work);
          return null;
        });
  }

  private static String clip(String s) {
    return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
  }
}
