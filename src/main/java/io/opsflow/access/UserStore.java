package io.opsflow.access;

import io.opsflow.db.Database;
import io.opsflow.db.Sql;
import io.opsflow.ticket.model.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** People who sign in to the portal and console, or act from Slack and mail. */
public final class UserStore implements Users {
  private final Database db;

  public UserStore(Database db) {
    this.db = db;
  }

  /** A person; {@code organizationId} is null for admins and for SREs of the operator. */
  public record UserRow(
      String id,
      String organizationId,
      String email,
      String name,
      Role role,
      String passwordHash,
      String slackUserId,
      Instant createdAt,
      Instant disabledAt)
      implements User {}

  /** Creates a user; the organization is created on first use of its name. */
  public UserRow create(
      String email,
      String name,
      String organization,
      Role role,
      String passwordHash,
      String slackUserId) {
    String id = UUID.randomUUID().toString();
    Instant now = Instant.now();
    String mail = UserColumns.normal(email);
    return db.inTransaction(
        s -> {
          String org =
              organization == null || organization.isBlank()
                  ? null
                  : TokenRepository.organizationIdOf(s, organization);
          // the organization row must reach the database before the plain-JDBC insert refers to it
          s.flush();
          s.doWork(
              c ->
                  Sql.update(
                      c,
                      "insert into app_user (" + UserColumns.LIST + ") values (?,?,?,?,?,?,?,?,?)",
                      id,
                      org,
                      mail,
                      name,
                      role.wire(),
                      passwordHash,
                      slackUserId,
                      now,
                      Sql.at(null)));
          return new UserRow(id, org, mail, name, role, passwordHash, slackUserId, now, null);
        });
  }

  @Override
  public Optional<UserRow> byId(String id) {
    return one("id = ?", id);
  }

  @Override
  public Optional<UserRow> byEmail(String email) {
    return email == null ? Optional.empty() : one("email = ?", UserColumns.normal(email));
  }

  @Override
  public Optional<UserRow> bySlackId(String slackUserId) {
    return slackUserId == null ? Optional.empty() : one("slack_user_id = ?", slackUserId);
  }

  /** Users of one organization (all users for {@code organizationId} null), by name. */
  public List<UserRow> list(String organizationId) {
    String where = organizationId == null ? "" : " where organization_id = ?";
    Object[] params = organizationId == null ? new Object[0] : new Object[] {organizationId};
    return Sql.query(
        db,
        "select " + UserColumns.LIST + " from app_user" + where + " order by name",
        UserColumns::row,
        params);
  }

  @Override
  public List<UserRow> staffFor(String organizationId) {
    return Sql.query(
        db,
        "select "
            + UserColumns.LIST
            + " from app_user where role in ('sre', 'admin') and disabled_at is null"
            + " and (organization_id is null or organization_id = ?) order by name",
        UserColumns::row,
        organizationId);
  }

  public void setPassword(String id, String passwordHash) {
    Sql.update(db, "update app_user set password_hash = ? where id = ?", passwordHash, id);
  }

  public boolean disable(String id, String organizationId) {
    String scope = organizationId == null ? "" : " and organization_id = ?";
    Object[] params =
        organizationId == null
            ? new Object[] {Instant.now(), id}
            : new Object[] {Instant.now(), id, organizationId};
    return Sql.update(
            db,
            "update app_user set disabled_at = ? where id = ? and disabled_at is null" + scope,
            params)
        == 1;
  }

  private Optional<UserRow> one(String where, Object param) {
    return Sql.query(
            db,
            "select " + UserColumns.LIST + " from app_user where " + where,
            UserColumns::row,
            param)
        .stream()
        .findFirst();
  }
}
