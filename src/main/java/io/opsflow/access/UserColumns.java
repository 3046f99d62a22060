package io.opsflow.access;

import io.opsflow.db.Sql;
import io.opsflow.ticket.model.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** The {@code app_user} columns and how a row of them reads. */
final class UserColumns {
  static final String LIST =
      "id, organization_id, email, name, role, password_hash, slack_user_id, created_at,"
          + " disabled_at";

  private UserColumns() {}

  static String normal(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  static UserStore.UserRow row(ResultSet rs) throws SQLException {
    return new UserStore.UserRow(
        rs.getString("id"),
        rs.getString("organization_id"),
        rs.getString("email"),
        rs.getString("name"),
        Role.parse(rs.getString("role")).orElseThrow(),
        rs.getString("password_hash"),
        rs.getString("slack_user_id"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "disabled_at"));
  }
}
