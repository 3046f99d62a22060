package io.opsflow.uptime;

import io.opsflow.db.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** The rows of table {@code incident_hold}, in plain JDBC inside the caller's session. */
final class HoldRows {
  private HoldRows() {}

  record Row(String title, Instant until, Long releasedMs) {}

  static Optional<Row> find(Session s, String incidentId) {
    List<Row> rows = new ArrayList<>();
    s.doWork(
        c ->
            rows.addAll(
                Sql.query(
                    c,
                    "select window_title, held_until, released_ms from incident_hold"
                        + " where incident_id = ?",
                    rs ->
                        new Row(
                            rs.getString("window_title"),
                            Instant.ofEpochMilli(rs.getLong("held_until")),
                            Sql.longOrNull(rs, "released_ms")),
                    incidentId)));
    return rows.stream().findFirst();
  }

  static int update(Session s, String sql, Object... params) {
    int[] n = new int[1];
    s.doWork(c -> n[0] = Sql.update(c, sql, params));
    return n[0];
  }

  static String cut(String text) {
    return text == null || text.length() <= 300 ? text : text.substring(0, 300);
  }
}
