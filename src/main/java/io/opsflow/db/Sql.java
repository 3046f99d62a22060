package io.opsflow.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Plain-JDBC helpers for the small stores: one statement, its parameters, its rows. */
public final class Sql {
  private Sql() {}

  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  public static <T> List<T> query(Database db, String sql, Row<T> row, Object... params) {
    return db.inTransaction(
        s -> {
          List<T> out = new ArrayList<>();
          s.doWork(c -> out.addAll(query(c, sql, row, params)));
          return out;
        });
  }

  public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.map(rs));
        }
      }
    }
    return out;
  }

  public static int update(Database db, String sql, Object... params) {
    return db.inTransaction(
        s -> {
          int[] n = new int[1];
          s.doWork(c -> n[0] = update(c, sql, params));
          return n[0];
        });
  }

  public static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  /** Null parameters are bound as typed nulls: {@code Sql.nullOf(Types.BIGINT)}. */
  public record TypedNull(int type) {}

  public static TypedNull nullOf(int type) {
    return new TypedNull(type);
  }

  /** An instant that may be null: PostgreSQL refuses a null typed as text for a timestamp. */
  public static Object at(java.time.Instant at) {
    return at == null ? nullOf(Types.TIMESTAMP_WITH_TIMEZONE) : at;
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof TypedNull n) {
        ps.setNull(i + 1, n.type());
      } else if (p == null) {
        ps.setNull(i + 1, Types.VARCHAR);
      } else if (p instanceof java.time.Instant at) {
        ps.setObject(i + 1, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }

  public static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
    java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  public static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
