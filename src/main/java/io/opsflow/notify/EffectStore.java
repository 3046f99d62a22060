package io.opsflow.notify;

import io.opsflow.db.Database;
import io.opsflow.notify.model.Effect;
import io.opsflow.notify.model.EffectPlan;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hibernate.Session;

/**
 * The effect outbox and the war-room state per incident, in plain JDBC: the effects a change plans,
 * written in its transaction, and what is known of them.
 */
public final class EffectStore {
  public static final String PENDING = "pending";
  public static final String DONE = "done";
  public static final String FAILED = "failed";

  /** Mail planned while no SMTP server is configured: kept, not sent. */
  public static final String HELD = "held";

  private final Database db;
  private final EffectClaims claims;
  private volatile Timelines timelines = Timelines.NONE;

  public EffectStore(Database db) {
    this.db = db;
    this.claims = new EffectClaims(db);
  }

  /** The timelines other than the incidents' that delivered effects write their lines to. */
  public void timelines(Timelines timelines) {
    this.timelines = timelines;
  }

  Timelines timelines() {
    return timelines;
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
                Rooms.set(c, room.incidentId(), "channel_name", room.channelName());
              }
            }
          }
        });
    return n[0];
  }

  /**
   * Claims up to {@code limit} due effects, each the first pending one of its incident, for {@code
   * leaseMs}, so another instance does not run them meanwhile.
   */
  public List<EffectRow> claimDue(long nowMs, long leaseMs, int limit) {
    return claims.claimDue(nowMs, leaseMs, limit);
  }

  public Optional<IncidentRoom> room(String incidentId) {
    return db.inTransaction(s -> room(s, incidentId));
  }

  /** The incident's room state, in the caller's transaction. */
  public static Optional<IncidentRoom> room(Session s, String incidentId) {
    return Rooms.room(s, incidentId);
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

  /** How many of the incident's effects are in each status. */
  public Map<String, Long> countsByStatus(String incidentId) {
    return db.inTransaction(s -> countsByStatus(s, incidentId));
  }

  /** Effects not delivered yet (due or waiting for a retry), for the backlog gauge. */
  public long pendingCount() {
    return db.inTransaction(
        s ->
            s.createNativeQuery("select count(*) from effect where status = :s", Long.class)
                .setParameter("s", PENDING)
                .getSingleResult());
  }
}
