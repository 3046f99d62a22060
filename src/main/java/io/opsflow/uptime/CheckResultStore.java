package io.opsflow.uptime;

import io.opsflow.db.Database;
import io.opsflow.db.Sql;
import io.opsflow.uptime.model.CheckResult;
import io.opsflow.uptime.model.CheckResults;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;

/** Check results read from {@code opsflow.checks}, and the services whose SLO burns fast. */
public final class CheckResultStore implements CheckResults {
  private final Database db;

  public CheckResultStore(Database db) {
    this.db = db;
  }

  /** A result with the envelope that carried it and the organization it belongs to. */
  public record Stored(String envelopeId, String organizationId, CheckResult result) {}

  /** A service of an organization. */
  public record ServiceKey(String organizationId, String serviceId) {}

  /** Stores results not stored before (by envelope id), in the caller's transaction. */
  public static int record(Session session, Collection<Stored> results) {
    return record(session, results, stored -> {});
  }

  /**
   * Stores results not stored before (by envelope id), in the caller's transaction, and hands each
   * one actually stored to {@code stored}.
   */
  public static int record(
      Session session, Collection<Stored> results, java.util.function.Consumer<Stored> stored) {
    return CheckResultInserts.insert(session, results, stored);
  }

  @Override
  public List<CheckResult> results(
      String organizationId, String serviceId, Instant from, Instant to) {
    return Sql.query(
        db,
        "select check_id, service_id, ok, at_ms, latency_ms, detail from check_result"
            + " where organization_id = ? and service_id = ? and at_ms >= ? and at_ms < ?"
            + " order by at_ms",
        rs ->
            new CheckResult(
                rs.getString(1),
                rs.getString(2),
                rs.getBoolean(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                Sql.longOrNull(rs, "latency_ms"),
                rs.getString(6)),
        organizationId,
        serviceId,
        from.toEpochMilli(),
        to.toEpochMilli());
  }

  /** True when the organization has ever had a result for the service. */
  public boolean knows(String organizationId, String serviceId) {
    return !Sql.query(
            db,
            "select 1 from check_result where organization_id = ? and service_id = ?"
                + " fetch first 1 rows only",
            rs -> 1,
            organizationId,
            serviceId)
        .isEmpty();
  }

  /** Services with a result since {@code from}. */
  public List<ServiceKey> servicesSince(Instant from) {
    return Sql.query(
        db,
        "select distinct organization_id, service_id from check_result where at_ms >= ?",
        rs -> new ServiceKey(rs.getString(1), rs.getString(2)),
        from.toEpochMilli());
  }

  /**
   * Deletes the results older than {@code before}, 10,000 rows per transaction; returns how many.
   */
  public int forgetBefore(Instant before) {
    int total = 0;
    while (true) {
      int n =
          Sql.update(
              db,
              "delete from check_result where envelope_id in (select envelope_id from check_result"
                  + " where at_ms < ? fetch first 10000 rows only)",
              before.toEpochMilli());
      total += n;
      if (n < 10_000) {
        return total;
      }
    }
  }

  /** Services whose fast-burn alert is triggered. */
  public List<ServiceKey> burning() {
    return Sql.query(
        db,
        "select organization_id, service_id from uptime_burn",
        rs -> new ServiceKey(rs.getString(1), rs.getString(2)));
  }

  public void markBurning(ServiceKey s, double rate, Instant at) {
    if (Sql.update(
            db,
            "update uptime_burn set burn_rate = ? where organization_id = ? and service_id = ?",
            rate,
            s.organizationId(),
            s.serviceId())
        == 0) {
      Sql.update(
          db,
          "insert into uptime_burn (organization_id, service_id, changed_ms, burn_rate)"
              + " values (?, ?, ?, ?)",
          s.organizationId(),
          s.serviceId(),
          at.toEpochMilli(),
          rate);
    }
  }

  public void clearBurning(ServiceKey s) {
    Sql.update(
        db,
        "delete from uptime_burn where organization_id = ? and service_id = ?",
        s.organizationId(),
        s.serviceId());
  }
}
