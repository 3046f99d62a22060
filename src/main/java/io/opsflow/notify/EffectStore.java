package io.opsflow.notify;

import io.opsflow.db.Database;
import io.opsflow.db.Sql;
import io.opsflow.incident.IncidentRoom;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.notify.model.Effect;
import io.opsflow.notify.model.EffectPlan;
import io.opsflow.ticket.TicketStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hibernate.Session;

/** The effect outbox and the war-room state per incident, in plain JDBC. */
public final class EffectStore {
  public static final String PENDING = "pending";
  public static final String DONE = "done";
  public static final String FAILED = "failed";

  /** Mail planned while no SMTP server is configured: kept, not sent. */
  public static final String HELD = "held";

  private final Database db;

  public EffectStore(Database db) {
    this.db = db;
  }

  /**
   * Writes the plan's effects in the caller's transaction; an effect whose key was written before
   * adds nothing. Mail is held when {@code mailConfigured} is false. Returns how many were new.
   */
  public static int plan(Session session, EffectPlan plan, boolean mailConfigured, long nowMs) {
    if (plan.effects().isEmpty()) {
      return 0;
    }
    int[] n = new int[1];
    session.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into effect (effect_key, incident_id, kind, payload, status, attempts,"
                      + " created_ms, next_attempt_ms) select ?, ?, ?, ?, ?, 0, ?, ? where not"
                      + " exists (select 1 from effect where effect_key = ?)")) {
            for (Effect e : plan.effects()) {
              boolean held = e instanceof Effect.SendMail && !mailConfigured;
              ps.setString(1, e.key());
              ps.setString(2, e.incidentId());
              ps.setString(3, EffectCodec.kind(e));
              ps.setString(4, EffectCodec.encode(e));
              ps.setString(5, held ? HELD : PENDING);
              ps.setLong(6, nowMs);
              ps.setLong(7, nowMs);
              ps.setString(8, e.key());
              int added = ps.executeUpdate();
              n[0] += added;
              if (added > 0 && e instanceof Effect.OpenRoom room) {
                setRoom(c, room.incidentId(), "channel_name", room.channelName());
              }
            }
          }
        });
    return n[0];
  }

  /** Whether a war room was planned for the incident (it may not be created yet). */
  public static boolean roomPlanned(Session session, String incidentId) {
    boolean[] found = new boolean[1];
    session.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select 1 from incident_room where incident_id = ? and channel_name is not"
                      + " null")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
              found[0] = rs.next();
            }
          }
        });
    return found[0];
  }

  /**
   * Claims up to {@code limit} due effects, each the first pending one of its incident, for {@code
   * leaseMs}: their attempt count goes up and they are not due again until the lease ends, so
   * another instance does not run them meanwhile.
   */
  public List<EffectRow> claimDue(long nowMs, long leaseMs, int limit) {
    List<EffectRow> due = due(nowMs, limit);
    List<EffectRow> claimed = new ArrayList<>(due.size());
    db.inTransaction(
        s -> {
          s.doWork(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "update effect set attempts = attempts + 1, next_attempt_ms = ? where seq"
                            + " = ? and status = ? and attempts = ?")) {
                  for (EffectRow r : due) {
                    ps.setLong(1, nowMs + leaseMs);
                    ps.setLong(2, r.seq());
                    ps.setString(3, PENDING);
                    ps.setInt(4, r.attemptsBefore());
                    if (ps.executeUpdate() == 1) {
                      claimed.add(r);
                    }
                  }
                }
              });
          return null;
        });
    return claimed;
  }

  private List<EffectRow> due(long nowMs, int limit) {
    return db.inTransaction(
        s -> {
          List<EffectRow> out = new ArrayList<>();
          s.doWork(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "select e.seq, e.kind, e.payload, e.attempts, e.created_ms from effect e"
                            + " where e.status = ? and e.next_attempt_ms <= ? and not exists"
                            + " (select 1 from effect p where p.incident_id = e.incident_id and"
                            + " p.status = ? and p.seq < e.seq) order by e.seq fetch first ? rows"
                            + " only")) {
                  ps.setString(1, PENDING);
                  ps.setLong(2, nowMs);
                  ps.setString(3, PENDING);
                  ps.setInt(4, limit);
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      out.add(
                          new EffectRow(
                              rs.getLong(1),
                              EffectCodec.decode(rs.getString(2), rs.getString(3)),
                              rs.getInt(4),
                              rs.getLong(5)));
                    }
                  }
                }
              });
          return out;
        });
  }

  /**
   * Finishes an effect in one transaction: its status and result, timeline entries, and the effects
   * it causes in turn (a bridge's link posted to the room).
   */
  public void finish(
      long seq,
      String status,
      String result,
      String error,
      long nowMs,
      List<TimelineEntry> timeline,
      EffectPlan followUps) {
    db.inTransaction(
        s -> {
          s.doWork(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "update effect set status = ?, result = ?, last_error = ?, finished_ms = ?"
                            + " where seq = ?")) {
                  ps.setString(1, status);
                  ps.setString(2, cut(result, 2000));
                  ps.setString(3, cut(error, 1000));
                  ps.setLong(4, nowMs);
                  ps.setLong(5, seq);
                  ps.executeUpdate();
                }
              });
          for (TimelineEntry t : timeline) {
            recordLine(s, t);
          }
          plan(s, followUps, true, nowMs);
          return null;
        });
  }

  /** A line for the subject's timeline: a ticket's own table, else the incident's. */
  private static void recordLine(Session s, TimelineEntry t) {
    boolean[] ticket = new boolean[1];
    s.doWork(
        c -> {
          ticket[0] =
              !Sql.query(c, "select 1 from ticket where id = ?", rs -> 1, t.incidentId()).isEmpty();
          if (ticket[0]) {
            new TicketStore(c).timeline(t.incidentId(), t.at(), t.kind(), t.actor(), t.message());
          }
        });
    if (!ticket[0]) {
      s.persist(t);
    }
  }

  /**
   * Puts the effect back for {@code nextMs}; {@code undoAttempt} when nothing reached the vendor.
   */
  public void retryLater(long seq, String error, long nextMs, boolean undoAttempt) {
    work(
        "update effect set next_attempt_ms = ?, last_error = ?"
            + (undoAttempt ? ", attempts = attempts - 1" : "")
            + " where seq = ? and status = '"
            + PENDING
            + "'",
        ps -> {
          ps.setLong(1, nextMs);
          ps.setString(2, cut(error, 1000));
          ps.setLong(3, seq);
        });
  }

  /**
   * Marks the incident's other pending summary refreshes as done: the one running now renders the
   * incident as it is, which covers them.
   */
  public int coalesceSummaries(String incidentId, long runningSeq, long nowMs) {
    return work(
        "update effect set status = '"
            + DONE
            + "', result = 'coalesced', finished_ms = ? where incident_id = ? and kind ="
            + " 'RefreshSummary' and status = '"
            + PENDING
            + "' and seq <> ?",
        ps -> {
          ps.setLong(1, nowMs);
          ps.setString(2, incidentId);
          ps.setLong(3, runningSeq);
        });
  }

  public Optional<IncidentRoom> room(String incidentId) {
    return db.inTransaction(s -> room(s, incidentId));
  }

  /** How many of the incident's effects are in each status ({@code pending}, {@code done}...). */
  public static Map<String, Long> countsByStatus(Session s, String incidentId) {
    Map<String, Long> out = new TreeMap<>();
    s.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select status, count(*) from effect where incident_id = ? group by status")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
              }
            }
          }
        });
    return out;
  }

  /** The incident's room state, in the caller's transaction. */
  public static Optional<IncidentRoom> room(Session s, String incidentId) {
    List<IncidentRoom> out = new ArrayList<>();
    s.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select incident_id, channel_name, channel_id, summary_ts, bridge_id,"
                      + " bridge_url, mail_root from incident_room where incident_id = ?")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new IncidentRoom(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)));
              }
            }
          }
        });
    return out.stream().findFirst();
  }

  /** Sets one column of the incident's room row ({@code channel_id}, {@code summary_ts}...). */
  public void setRoom(String incidentId, String column, String value) {
    db.inTransaction(
        s -> {
          s.doWork(c -> setRoom(c, incidentId, column, value));
          return null;
        });
  }

  /** Effects not delivered yet (due or waiting for a retry), for the backlog gauge. */
  public long pendingCount() {
    return db.inTransaction(
        s ->
            s.createNativeQuery("select count(*) from effect where status = :s", Long.class)
                .setParameter("s", PENDING)
                .getSingleResult());
  }

  /** How many of the incident's effects are in each status. */
  public Map<String, Long> countsByStatus(String incidentId) {
    return db.inTransaction(s -> countsByStatus(s, incidentId));
  }

  private static void setRoom(java.sql.Connection c, String incidentId, String column, String value)
      throws SQLException {
    if (!List.of("channel_name", "channel_id", "summary_ts", "bridge_id", "bridge_url", "mail_root")
        .contains(column)) {
      throw new IllegalArgumentException("not a room column: " + column);
    }
    try (PreparedStatement insert =
            c.prepareStatement(
                "insert into incident_room (incident_id) select ? where not exists (select 1 from"
                    + " incident_room where incident_id = ?)");
        PreparedStatement update =
            c.prepareStatement(
                "update incident_room set " + column + " = ? where incident_id = ?")) {
      insert.setString(1, incidentId);
      insert.setString(2, incidentId);
      insert.executeUpdate();
      update.setString(1, value);
      update.setString(2, incidentId);
      update.executeUpdate();
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private int work(String sql, Binder binder) {
    return db.inTransaction(
        s -> {
          int[] n = new int[1];
          s.doWork(
              c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                  binder.bind(ps);
                  n[0] = ps.executeUpdate();
                }
              });
          return n[0];
        });
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
