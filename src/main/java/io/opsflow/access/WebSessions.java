package io.opsflow.access;

import io.opsflow.db.Database;
import io.opsflow.db.Sql;
import java.time.Instant;
import java.util.Optional;

/**
 * Signed-in browser sessions ({@code web_session}). The cookie's secret is never stored, only its
 * SHA-256 ({@code idHash}); a session belongs to a user (password sign-in) or to a user API token.
 */
public final class WebSessions {
  private static final String COLUMNS =
      "id_hash, user_id, token_id, csrf_token, created_at, expires_at, seen_at";

  private final Database db;

  public WebSessions(Database db) {
    this.db = db;
  }

  /** One session; exactly one of {@code userId} and {@code tokenId} is set. */
  public record Session(
      String idHash,
      String userId,
      String tokenId,
      String csrfToken,
      Instant createdAt,
      Instant expiresAt,
      Instant seenAt) {}

  /** The token a token session was started with, as it stands now. */
  public record TokenHolder(
      String id, String kind, String name, String organizationId, String role, Instant revokedAt) {}

  public void create(Session r) {
    Sql.update(
        db,
        "insert into web_session (" + COLUMNS + ") values (?,?,?,?,?,?,?)",
        r.idHash(),
        r.userId(),
        r.tokenId(),
        r.csrfToken(),
        r.createdAt(),
        r.expiresAt(),
        r.seenAt());
  }

  public Optional<Session> find(String idHash) {
    return Sql.query(
            db,
            "select " + COLUMNS + " from web_session where id_hash = ?",
            rs ->
                new Session(
                    rs.getString("id_hash"),
                    rs.getString("user_id"),
                    rs.getString("token_id"),
                    rs.getString("csrf_token"),
                    Sql.instant(rs, "created_at"),
                    Sql.instant(rs, "expires_at"),
                    Sql.instant(rs, "seen_at")),
            idHash)
        .stream()
        .findFirst();
  }

  public void touch(String idHash, Instant at) {
    Sql.update(db, "update web_session set seen_at = ? where id_hash = ?", at, idHash);
  }

  public boolean delete(String idHash) {
    return Sql.update(db, "delete from web_session where id_hash = ?", idHash) == 1;
  }

  /** Deletes sessions past their absolute expiry or idle since before {@code idleBefore}. */
  public int deleteExpired(Instant now, Instant idleBefore) {
    return Sql.update(
        db, "delete from web_session where expires_at <= ? or seen_at <= ?", now, idleBefore);
  }

  public Optional<TokenHolder> token(String tokenId) {
    return Sql.query(
            db,
            "select id, kind, name, organization_id, role, revoked_at from api_token where id = ?",
            rs ->
                new TokenHolder(
                    rs.getString("id"),
                    rs.getString("kind"),
                    rs.getString("name"),
                    rs.getString("organization_id"),
                    rs.getString("role"),
                    Sql.instant(rs, "revoked_at")),
            tokenId)
        .stream()
        .findFirst();
  }
}
