package io.opsflow.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The audit trail: who did what, to what, in which organization. Never updated, never pruned. */
public final class Audit {
  private final Database db;

  public Audit(Database db) {
    this.db = db;
  }

  /** One line of the trail, as the API shows it. */
  public record Entry(
      long id,
      Instant at,
      String actor,
      String organizationId,
      String action,
      String subject,
      String detail) {}

  public void record(String actor, String org, String action, String subject, String detail) {
    db.inTransaction(
        s -> {
          s.doWork(c -> record(c, Instant.now(), actor, org, action, subject, detail));
          return null;
        });
  }

  public static void record(
      Connection c,
      Instant at,
      String actor,
      String org,
      String action,
      String subject,
      String detail)
      throws SQLException {
    Sql.update(
        c,
        "insert into audit_entry (at, actor, organization_id, action, subject, detail)"
            + " values (?,?,?,?,?,?)",
        at,
        actor,
        org,
        action,
        subject,
        detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...");
  }

  /** The newest entries first, of one organization (or all, for {@code organizationId} null). */
  public List<Entry> recent(String organizationId, int limit) {
    String where = organizationId == null ? "" : " where organization_id = ?";
    Object[] params = organizationId == null ? new Object[0] : new Object[] {organizationId};
    return Sql.query(
        db,
        "select id, at, actor, organization_id, action, subject, detail from audit_entry"
            + where
            + " order by id desc fetch first "
            + Math.max(1, Math.min(limit, 1000))
            + " rows only",
        rs ->
            new Entry(
                rs.getLong("id"),
                Sql.instant(rs, "at"),
                rs.getString("actor"),
                rs.getString("organization_id"),
                rs.getString("action"),
                rs.getString("subject"),
                rs.getString("detail")),
        params);
  }
}
