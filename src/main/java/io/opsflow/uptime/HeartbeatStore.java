package io.opsflow.uptime;

import io.opsflow.db.Database;
import io.opsflow.db.Sql;
import io.opsflow.uptime.model.Heartbeat;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Heartbeat sources: their settings, last beat and the state last acted on. */
public final class HeartbeatStore {
  static final String COLUMNS =
      "organization_id, source, interval_ms, grace_ms, retention_ms, last_beat_ms, state";

  private final Database db;

  public HeartbeatStore(Database db) {
    this.db = db;
  }

  /** New settings for a source, or null to keep the current ones (defaults for a new source). */
  public record Settings(Duration interval, Duration grace, Duration retention) {
    public static Settings defaults() {
      return new Settings(
          Heartbeat.DEFAULT_INTERVAL, Heartbeat.DEFAULT_INTERVAL, Heartbeat.DEFAULT_RETENTION);
    }
  }

  /**
   * Records a beat, registering the source if it is new or was unregistered. The state is left to
   * the scanner (a LATE source that beats is resolved by it), except that an unregistered source
   * starts again as UP.
   */
  public Heartbeat beat(String org, String source, Settings settings, Instant now) {
    HeartbeatBeats.record(db, org, source, settings, now.toEpochMilli());
    return find(org, source).orElseThrow();
  }

  public Optional<Heartbeat> find(String org, String source) {
    return Sql.query(
            db,
            "select " + COLUMNS + " from heartbeat where organization_id = ? and source = ?",
            HeartbeatStore::heartbeat,
            org,
            source)
        .stream()
        .findFirst();
  }

  /** Sources of one organization (all for null), by name. */
  public List<Heartbeat> list(String org) {
    return Sql.query(
        db,
        "select "
            + COLUMNS
            + " from heartbeat where (? is null or organization_id = ?)"
            + " order by organization_id, source",
        HeartbeatStore::heartbeat,
        org,
        org);
  }

  /** Sources the scanner watches: every one not unregistered. */
  public List<Heartbeat> registered() {
    return Sql.query(
        db,
        "select " + COLUMNS + " from heartbeat where state <> ?",
        HeartbeatStore::heartbeat,
        Heartbeat.State.UNREGISTERED.name());
  }

  /**
   * Moves a source from the state it was read in to {@code to}, unless it changed since (a beat
   * came in, or another instance acted): true when this call made the change.
   */
  public boolean transition(Heartbeat seen, Heartbeat.State to, Instant now) {
    return Sql.update(
            db,
            "update heartbeat set state = ?, changed_ms = ? where organization_id = ?"
                + " and source = ? and state = ? and last_beat_ms = ?",
            to.name(),
            now.toEpochMilli(),
            seen.organizationId(),
            seen.source(),
            seen.state().name(),
            seen.lastBeatAt().toEpochMilli())
        > 0;
  }

  static Heartbeat heartbeat(ResultSet rs) throws SQLException {
    return new Heartbeat(
        rs.getString("organization_id"),
        rs.getString("source"),
        Duration.ofMillis(rs.getLong("interval_ms")),
        Duration.ofMillis(rs.getLong("grace_ms")),
        Duration.ofMillis(rs.getLong("retention_ms")),
        Instant.ofEpochMilli(rs.getLong("last_beat_ms")),
        Heartbeat.State.valueOf(rs.getString("state")));
  }
}
