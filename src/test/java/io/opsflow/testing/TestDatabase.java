package io.opsflow.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty database for a test: an in-memory H2 database by default, or, with the {@code
 * postgres} Maven profile ({@code -Dopsflow.test.db=postgres}), a new database on the PostgreSQL
 * server at 127.0.0.1:5432 that is dropped again on {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {
  private static final String PG_ADMIN_URL =
      System.getProperty("opsflow.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String PG_USER = System.getProperty("opsflow.test.pg.user", "postgres");

  private final String url;
  private final String user;
  private final String dropName;

  private TestDatabase(String url, String user, String dropName) {
    this.url = url;
    this.user = user;
    this.dropName = dropName;
  }

  public static boolean postgres() {
    return "postgres".equals(System.getProperty("opsflow.test.db"));
  }

  public static TestDatabase create() {
    String name = "opsflow_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (!postgres()) {
      return new TestDatabase("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", null);
    }
    try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "");
        Statement s = c.createStatement()) {
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at " + PG_ADMIN_URL + " is needed for -Ppostgres: " + e.getMessage(), e);
    }
    String base = PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1);
    return new TestDatabase(base + name, PG_USER, name);
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return "";
  }

  @Override
  public void close() {
    if (dropName == null) {
      return;
    }
    try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + dropName + " with (force)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop " + dropName, e);
    }
  }
}
