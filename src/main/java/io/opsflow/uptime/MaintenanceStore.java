package io.opsflow.uptime;

import io.opsflow.db.Database;
import io.opsflow.db.Sql;
import io.opsflow.sla.model.Interval;
import io.opsflow.sla.model.Recurrence;
import io.opsflow.uptime.model.MaintenanceWindow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Maintenance windows created over the API (those of the config file are not stored). */
public final class MaintenanceStore {
  private static final String COLUMNS =
      "id, organization_id, service_id, title, starts_ms, ends_ms, rrule, dtstart, zone,"
          + " duration_s, created_ms";

  private final Database db;

  public MaintenanceStore(Database db) {
    this.db = db;
  }

  public void create(MaintenanceWindow w, String createdBy) {
    Recurrence r = w.schedule();
    Optional<Interval> once = r.oneOff();
    Sql.update(
        db,
        "insert into maintenance_window ("
            + COLUMNS
            + ", created_by)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        w.id(),
        w.organizationId(),
        w.serviceId(),
        w.title(),
        once.map(i -> (Object) i.start().toEpochMilli()).orElse(Sql.nullOf(Types.BIGINT)),
        once.map(i -> (Object) i.end().toEpochMilli()).orElse(Sql.nullOf(Types.BIGINT)),
        r.rule().map(x -> x.text()).orElse(null),
        r.dtstart() == null ? null : r.dtstart().toString(),
        r.zone() == null ? null : r.zone().getId(),
        once.isPresent() ? Sql.nullOf(Types.BIGINT) : (Object) r.duration().toSeconds(),
        w.createdAt().toEpochMilli(),
        createdBy);
  }

  /** Windows of one organization, or of all for null, oldest first. */
  public List<MaintenanceWindow> list(String organizationId) {
    return Sql.query(
        db,
        "select "
            + COLUMNS
            + " from maintenance_window"
            + " where (? is null or organization_id = ?) order by created_ms, id",
        MaintenanceStore::window,
        organizationId,
        organizationId);
  }

  public Optional<MaintenanceWindow> find(String id) {
    return Sql.query(
            db,
            "select " + COLUMNS + " from maintenance_window where id = ?",
            MaintenanceStore::window,
            id)
        .stream()
        .findFirst();
  }

  public boolean delete(String id) {
    return Sql.update(db, "delete from maintenance_window where id = ?", id) > 0;
  }

  private static MaintenanceWindow window(ResultSet rs) throws SQLException {
    Long starts = Sql.longOrNull(rs, "starts_ms");
    Recurrence schedule =
        starts != null
            ? Recurrence.once(
                Instant.ofEpochMilli(starts), Instant.ofEpochMilli(rs.getLong("ends_ms")))
            : Recurrence.recurring(
                rs.getString("rrule"),
                LocalDateTime.parse(rs.getString("dtstart")),
                ZoneId.of(rs.getString("zone")),
                Duration.ofSeconds(rs.getLong("duration_s")));
    return new MaintenanceWindow(
        rs.getString("id"),
        rs.getString("organization_id"),
        rs.getString("service_id"),
        rs.getString("title"),
        schedule,
        "api",
        Instant.ofEpochMilli(rs.getLong("created_ms")));
  }
}
