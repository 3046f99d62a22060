package io.opsflow.sla;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import org.hibernate.Session;

/** Writes SLA clock rows, in plain JDBC inside the caller's session. */
final class SlaClockWrites {
  private SlaClockWrites() {}

  static void insert(Session s, SlaClockRow r) {
    s.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "insert into sla_clock ("
                      + SlaClockStore.COLUMNS
                      + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.id());
            ps.setString(2, r.subjectType());
            ps.setString(3, r.subjectId());
            ps.setString(4, r.kind());
            ps.setString(5, r.organizationId());
            ps.setString(6, r.priority());
            ps.setLong(7, r.started().toEpochMilli());
            ps.setString(8, SlaClockRow.encode(r.pauses()));
            setInstant(ps, 9, r.stopped());
            setInstant(ps, 10, r.due());
            setInstant(ps, 11, r.warned());
            setInstant(ps, 12, r.breached());
            if (r.met() == null) {
              ps.setNull(13, Types.BOOLEAN);
            } else {
              ps.setBoolean(13, r.met());
            }
            ps.executeUpdate();
          }
        });
  }

  static void update(Session s, SlaClockRow r) {
    s.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update sla_clock set priority = ?, pauses = ?, stopped_ms = ?, due_ms = ?,"
                      + " warned_ms = ?, breached_ms = ?, met = ? where id = ?")) {
            ps.setString(1, r.priority());
            ps.setString(2, SlaClockRow.encode(r.pauses()));
            setInstant(ps, 3, r.stopped());
            setInstant(ps, 4, r.due());
            setInstant(ps, 5, r.warned());
            setInstant(ps, 6, r.breached());
            if (r.met() == null) {
              ps.setNull(7, Types.BOOLEAN);
            } else {
              ps.setBoolean(7, r.met());
            }
            ps.setString(8, r.id());
            ps.executeUpdate();
          }
        });
  }

  /**
   * Sets the due time of a running clock as {@code seen} (same priority and pauses, not stopped):
   * false when it changed since it was read, so a concurrent stop or pause is never undone.
   */
  static boolean updateDue(Session s, SlaClockRow seen, Instant due) {
    int[] n = new int[1];
    s.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "update sla_clock set due_ms = ? where id = ? and stopped_ms is null"
                      + " and priority = ? and pauses = ?")) {
            setInstant(ps, 1, due);
            ps.setString(2, seen.id());
            ps.setString(3, seen.priority());
            ps.setString(4, SlaClockRow.encode(seen.pauses()));
            n[0] = ps.executeUpdate();
          }
        });
    return n[0] == 1;
  }

  private static void setInstant(PreparedStatement ps, int i, Instant at) throws SQLException {
    if (at == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, at.toEpochMilli());
    }
  }
}
