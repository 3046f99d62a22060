package io.opsflow.sla;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * SLA clock rows as read, in plain JDBC inside the caller's session; {@link SlaClockWrites} writes
 * them.
 */
final class SlaClockStore {
  static final String COLUMNS =
      "id, subject_type, subject_id, kind, organization_id, priority, started_ms, pauses,"
          + " stopped_ms, due_ms, warned_ms, breached_ms, met";

  private SlaClockStore() {}

  static Optional<SlaClockRow> find(Session s, String id) {
    return query(s, "select " + COLUMNS + " from sla_clock where id = ?", id).stream().findFirst();
  }

  static List<SlaClockRow> ofSubject(Session s, String subjectId) {
    return query(
        s,
        "select " + COLUMNS + " from sla_clock where subject_id = ? order by kind desc",
        subjectId);
  }

  /** Every clock not stopped yet. */
  static List<SlaClockRow> running(Session s) {
    List<SlaClockRow> out = new ArrayList<>();
    s.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select " + COLUMNS + " from sla_clock where stopped_ms is null order by id")) {
            read(ps, out);
          }
        });
    return out;
  }

  /** The clocks of several subjects in one query, by subject id then kind (response first). */
  static List<SlaClockRow> ofSubjects(Session s, java.util.Collection<String> subjectIds) {
    List<SlaClockRow> out = new ArrayList<>();
    if (subjectIds.isEmpty()) {
      return out;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(subjectIds.size(), "?"));
    s.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select "
                      + COLUMNS
                      + " from sla_clock where subject_id in ("
                      + marks
                      + ") order by subject_id, kind desc")) {
            int i = 1;
            for (String id : subjectIds) {
              ps.setString(i++, id);
            }
            read(ps, out);
          }
        });
    return out;
  }

  /** Response clocks of an organization started in [from, to). */
  static List<SlaClockRow> started(
      Session s, String organizationId, String kind, Instant from, Instant to) {
    List<SlaClockRow> out = new ArrayList<>();
    s.doWork(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "select "
                      + COLUMNS
                      + " from sla_clock where organization_id = ? and kind = ? and started_ms >= ?"
                      + " and started_ms < ?")) {
            ps.setString(1, organizationId);
            ps.setString(2, kind);
            ps.setLong(3, from.toEpochMilli());
            ps.setLong(4, to.toEpochMilli());
            read(ps, out);
          }
        });
    return out;
  }

  private static List<SlaClockRow> query(Session s, String sql, String param) {
    List<SlaClockRow> out = new ArrayList<>();
    s.doWork(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            read(ps, out);
          }
        });
    return out;
  }

  private static void read(PreparedStatement ps, List<SlaClockRow> out) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        boolean metValue = rs.getBoolean(13);
        Boolean met = rs.wasNull() ? null : metValue;
        out.add(
            new SlaClockRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                Instant.ofEpochMilli(rs.getLong(7)),
                SlaClockRow.decode(rs.getString(8)),
                instant(rs, 9),
                instant(rs, 10),
                instant(rs, 11),
                instant(rs, 12),
                met));
      }
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    long ms = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
  }
}
