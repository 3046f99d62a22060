package io.opsflow.notify;

import io.opsflow.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** The war-room state of each incident (table {@code incident_room}), in plain JDBC. */
final class Rooms {
  private static final List<String> COLUMNS =
      List.of("channel_name", "channel_id", "summary_ts", "bridge_id", "bridge_url", "mail_root");

  private final Database db;

  Rooms(Database db) {
    this.db = db;
  }

  Optional<IncidentRoom> room(String incidentId) {
    return db.inTransaction(s -> room(s, incidentId));
  }

  /** Sets one column of the incident's room row ({@code channel_id}, {@code summary_ts}...). */
  void set(String incidentId, String column, String value) {
    db.inTransaction(
        s -> {
          s.doWork(c -> set(c, incidentId, column, value));
          return null;
        });
  }

  /** Whether a war room was planned for the incident (it may not be created yet). */
  static boolean planned(Session session, String incidentId) {
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

  /** The incident's room state, in the caller's transaction. */
  static Optional<IncidentRoom> room(Session s, String incidentId) {
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

  static void set(Connection c, String incidentId, String column, String value)
      throws SQLException {
    if (!COLUMNS.contains(column)) {
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
}
