package io.opsflow.uptime;

import io.opsflow.db.Database;
import io.opsflow.db.Sql;
import io.opsflow.uptime.HeartbeatStore.Settings;
import io.opsflow.uptime.model.Heartbeat;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;

/** The write of a beat for {@link HeartbeatStore}: registers a new source or updates its row. */
final class HeartbeatBeats {
  /** SQL state of a unique or primary-key violation, on H2 and PostgreSQL alike. */
  private static final String UNIQUE_VIOLATION = "23505";

  private HeartbeatBeats() {}

  static void record(Database db, String org, String source, Settings settings, long ms) {
    db.inTransaction(
        s -> {
          s.doWork(
              c -> {
                if (registerIfNew(
                    c, org, source, settings == null ? Settings.defaults() : settings, ms)) {
                  return;
                }
                List<Heartbeat> current =
                    Sql.query(
                        c,
                        "select "
                            + HeartbeatStore.COLUMNS
                            + " from heartbeat where organization_id = ? and source = ?"
                            + " for update",
                        HeartbeatStore::heartbeat,
                        org,
                        source);
                Heartbeat h = current.get(0);
                Settings x =
                    settings != null
                        ? settings
                        : new Settings(h.interval(), h.grace(), h.retention());
                boolean again = h.state() == Heartbeat.State.UNREGISTERED;
                Sql.update(
                    c,
                    "update heartbeat set interval_ms = ?, grace_ms = ?, retention_ms = ?,"
                        + " last_beat_ms = ?, state = ?, registered_ms = case when ? then ?"
                        + " else registered_ms end where organization_id = ? and source = ?",
                    x.interval().toMillis(),
                    x.grace().toMillis(),
                    x.retention().toMillis(),
                    ms,
                    again ? Heartbeat.State.UP.name() : h.state().name(),
                    again,
                    ms,
                    org,
                    source);
              });
          return null;
        });
  }

  /**
   * Inserts a source seen for the first time; false when it exists, also when a concurrent first
   * beat inserted it meanwhile (the duplicate key is rolled back to a savepoint, so the caller's
   * transaction goes on and updates the row the other beat wrote).
   */
  private static boolean registerIfNew(Connection c, String org, String source, Settings x, long ms)
      throws SQLException {
    if (!Sql.query(
            c,
            "select source from heartbeat where organization_id = ? and source = ?",
            rs -> rs.getString(1),
            org,
            source)
        .isEmpty()) {
      return false;
    }
    Savepoint before = c.setSavepoint();
    try {
      Sql.update(
          c,
          "insert into heartbeat (organization_id, source, interval_ms, grace_ms,"
              + " retention_ms, last_beat_ms, state, registered_ms, changed_ms)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          org,
          source,
          x.interval().toMillis(),
          x.grace().toMillis(),
          x.retention().toMillis(),
          ms,
          Heartbeat.State.UP.name(),
          ms,
          ms);
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      c.rollback(before);
      return false;
    }
    c.releaseSavepoint(before);
    return true;
  }
}
