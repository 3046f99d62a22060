package io.opsflow.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Reads from the database itself whether its commits are on disk when they return. */
final class CommitDurability {
  private CommitDurability() {}

  /**
   * True for an H2 file database whose {@code WRITE_DELAY} is above 0 and for PostgreSQL with
   * {@code synchronous_commit = off}. An in-memory H2 database loses all of it with the process,
   * never a part, so it counts as not losing recent commits.
   */
  public static boolean mayLoseRecentCommits(DataSource ds) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      String url = c.getMetaData().getURL();
      if (url.startsWith("jdbc:postgresql")) {
        return "off".equalsIgnoreCase(single(s, "show synchronous_commit"));
      }
      if (url.startsWith("jdbc:h2:mem:")) {
        return false;
      }
      String delay =
          single(
              s,
              "select setting_value from information_schema.settings"
                  + " where setting_name = 'WRITE_DELAY'");
      return delay == null || Integer.parseInt(delay.trim()) > 0;
    } catch (SQLException | NumberFormatException e) {
      return true;
    }
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
