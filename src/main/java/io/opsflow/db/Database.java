package io.opsflow.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * The database: one HikariCP pool shared by Hibernate and the workflow engine, opsflow's schema
 * migrated by Flyway (Hibernate only validates it), and transactions for the rest of the code.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final SessionFactory sessionFactory;
  private final boolean mayLoseRecentCommits;

  private Database(HikariDataSource dataSource, SessionFactory sessionFactory) {
    this.dataSource = dataSource;
    this.sessionFactory = sessionFactory;
    this.mayLoseRecentCommits = CommitDurability.mayLoseRecentCommits(dataSource);
  }

  /** Opens the pool, migrates opsflow's tables and builds the session factory. */
  public static Database open(String url, String user, String password, int poolSize) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(url);
    if (user != null) {
      hikari.setUsername(user);
    }
    if (password != null) {
      hikari.setPassword(password);
    }
    hikari.setMaximumPoolSize(poolSize);
    hikari.setPoolName("opsflow-db");
    hikari.setAutoCommit(true);
    HikariDataSource ds = new HikariDataSource(hikari);
    try {
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
      return new Database(ds, buildSessionFactory(ds));
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
  }

  private static SessionFactory buildSessionFactory(DataSource ds) {
    Configuration cfg = new Configuration();
    cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, ds);
    cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
    cfg.setProperty(
        AvailableSettings.PHYSICAL_NAMING_STRATEGY, CamelCaseToUnderscoresNamingStrategy.class);
    cfg.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, 200);
    cfg.setProperty(AvailableSettings.ORDER_INSERTS, true);
    cfg.setProperty(AvailableSettings.ORDER_UPDATES, true);
    cfg.setProperty(AvailableSettings.SHOW_SQL, false);
    cfg.addResource("META-INF/orm.xml");
    return cfg.buildSessionFactory();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs the work in one transaction: all of it commits, or none of it. */
  public <R> R inTransaction(Function<Session, R> work) {
    return sessionFactory.fromTransaction(work::apply);
  }

  /**
   * Whether a crash may lose commits that had already returned while the database itself survives:
   * an H2 file database with a write delay (H2's default is 500 ms; opsflow's own URL sets {@code
   * WRITE_DELAY=0}), or PostgreSQL with {@code synchronous_commit = off}. Then no row can prove
   * that an earlier attempt of something did not happen.
   */
  public boolean mayLoseRecentCommits() {
    return mayLoseRecentCommits;
  }

  /** True when a connection answers a trivial query within a second. */
  public boolean healthy() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  /** "h2" or "postgresql", from the JDBC URL. */
  public String vendor() {
    String url = dataSource.getJdbcUrl();
    return url.startsWith("jdbc:postgresql") ? "postgresql" : "h2";
  }

  @Override
  public void close() {
    sessionFactory.close();
    dataSource.close();
  }
}
