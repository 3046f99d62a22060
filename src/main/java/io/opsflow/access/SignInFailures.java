package io.opsflow.access;

import io.opsflow.db.Database;
import io.opsflow.db.Sql;
import java.time.Instant;
import java.util.List;

/**
 * Failed sign-ins of the web pages ({@code sign_in_failure}), shared by every instance: one row per
 * failure of a subject (the digest of a mail address, or a client address) within a scope.
 */
public final class SignInFailures {
  private final Database db;

  public SignInFailures(Database db) {
    this.db = db;
  }

  public void add(String scope, String subject, Instant at) {
    Sql.update(
        db,
        "insert into sign_in_failure (scope, subject, failed_at) values (?,?,?)",
        scope,
        subject,
        at);
  }

  /**
   * When the latest {@code n} failures of the subject after {@code since} and not after {@code
   * until} happened, newest first.
   */
  public List<Instant> latest(String scope, String subject, Instant since, Instant until, int n) {
    return Sql.query(
        db,
        "select failed_at from sign_in_failure where scope = ? and subject = ?"
            + " and failed_at > ? and failed_at <= ? order by failed_at desc fetch first "
            + Math.max(1, n)
            + " rows only",
        rs -> Sql.instant(rs, "failed_at"),
        scope,
        subject,
        since,
        until);
  }

  /** Forgets the subject's failures (a successful sign-in). */
  public int clear(String scope, String subject) {
    return Sql.update(
        db, "delete from sign_in_failure where scope = ? and subject = ?", scope, subject);
  }

  /** Deletes the scope's failures at or before {@code before}: they no longer count. */
  public int prune(String scope, Instant before) {
    return Sql.update(
        db, "delete from sign_in_failure where scope = ? and failed_at <= ?", scope, before);
  }
}
