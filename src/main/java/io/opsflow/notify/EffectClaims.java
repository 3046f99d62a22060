package io.opsflow.notify;

import io.opsflow.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The dispatcher's claims on due effects: one per incident at a time, leased. */
final class EffectClaims {
  private final Database db;

  EffectClaims(Database db) {
    this.db = db;
  }

  /**
   * Claims up to {@code limit} due effects, each the first pending one of its incident, for {@code
   * leaseMs}: their attempt count goes up and they are not due again until the lease ends, so
   * another instance does not run them meanwhile.
   */
  List<EffectRow> claimDue(long nowMs, long leaseMs, int limit) {
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
                    ps.setString(3, EffectStore.PENDING);
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
                  ps.setString(1, EffectStore.PENDING);
                  ps.setLong(2, nowMs);
                  ps.setString(3, EffectStore.PENDING);
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
}
