package io.opsflow.workflow;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Not a test (the name keeps it out of {@code mvn verify}): the job acquisition query with 10,000
 * open timers, Camunda's unordered one and the due-date one, with and without the index on {@code
 * ACT_RU_JOB.DUEDATE_}, on H2 and PostgreSQL (the server of {@code -Ppostgres}). Prints the time
 * per query and PostgreSQL's plans; see docs/benchmarks.md, "10,000 open timers". Run with {@code
 * mvn -o -q test -Dtest=AcquisitionQueryProbe}.
 */
class AcquisitionQueryProbe {
  static final String COMMON =
      " and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < ?) and RES.SUSPENSION_STATE_ = 1"
          + " and ((RES.EXCLUSIVE_ = true and not exists(select J2.ID_ from ACT_RU_JOB J2 where"
          + " J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.LOCK_OWNER_ is not null"
          + " and J2.LOCK_EXP_TIME_ >= ?))) or RES.EXCLUSIVE_ = false)";
  static final String SELECT =
      "select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ from"
          + " ACT_RU_JOB RES where (RES.RETRIES_ > 0) and ";
  static final String UNORDERED =
      SELECT + "(RES.DUEDATE_ is null or RES.DUEDATE_ <= ?)" + COMMON + " limit 20";
  static final String BY_DUE_DATE =
      SELECT + "(RES.DUEDATE_ <= ?)" + COMMON + " order by RES.DUEDATE_ asc limit 20";
  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/";

  @Test
  void h2() throws Exception {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL(
        "jdbc:h2:file:"
            + java.nio.file.Files.createTempDirectory("acq").resolve("db").toAbsolutePath()
            + ";DB_CLOSE_ON_EXIT=FALSE");
    ds.setUser("sa");
    run("h2", ds);
  }

  @Test
  void postgres() throws Exception {
    try (Connection c = java.sql.DriverManager.getConnection(PG + "test", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists opsflow_acq_probe with (force)");
      s.execute("create database opsflow_acq_probe");
    } catch (java.sql.SQLException e) {
      Assumptions.abort("no PostgreSQL at " + PG + ": " + e.getMessage());
    }
    org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
    ds.setURL(PG + "opsflow_acq_probe");
    ds.setUser("postgres");
    run("postgres", ds);
    try (Connection c = java.sql.DriverManager.getConnection(PG + "test", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists opsflow_acq_probe with (force)");
    }
  }

  private void run(String name, DataSource ds) throws Exception {
    var engine =
        new EngineFactory(
                ds,
                new RecordingIncidentSteps(),
                EngineFactory.Options.defaults()
                    .withJobExecutor(false, Duration.ofMillis(100), Duration.ofMillis(500))
                    .withAcquireByDueDate(false))
            .build();
    long now = System.currentTimeMillis();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into ACT_RU_JOB (ID_, REV_, TYPE_, EXCLUSIVE_, PROCESS_INSTANCE_ID_,"
                  + " EXECUTION_ID_, RETRIES_, DUEDATE_, HANDLER_TYPE_, SUSPENSION_STATE_,"
                  + " PRIORITY_) values (?, 1, 'timer', true, ?, ?, 3, ?,"
                  + " 'timer-intermediate-transition', 1, 0)")) {
        for (int i = 0; i < 10_000; i++) {
          String pi = UUID.randomUUID().toString();
          ps.setString(1, UUID.randomUUID().toString());
          ps.setString(2, pi);
          ps.setString(3, pi);
          // 20 due now, the rest spread over the next 2,000 s
          long due = i < 20 ? now - 1000 + i : now + 60_000 + i * 200L;
          ps.setTimestamp(4, new Timestamp(due));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
      c.setAutoCommit(true);
      analyze(name, c);
      measure(name + " unordered, no index", c, UNORDERED);
      measure(name + " by due date, no index", c, BY_DUE_DATE);
      try (Statement s = c.createStatement()) {
        s.execute("create index if not exists OPSFLOW_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_)");
      }
      analyze(name, c);
      measure(name + " unordered, index", c, UNORDERED);
      measure(name + " by due date, index", c, BY_DUE_DATE);
      if (name.equals("postgres")) {
        for (String sql : new String[] {UNORDERED, BY_DUE_DATE}) {
          try (PreparedStatement ps = c.prepareStatement("explain analyze " + sql)) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                System.out.println("PLAN " + rs.getString(1));
              }
            }
          }
        }
      }
    }
    engine.close();
  }

  private static void analyze(String name, Connection c) throws Exception {
    if (name.equals("postgres")) {
      try (Statement s = c.createStatement()) {
        s.execute("analyze ACT_RU_JOB");
      }
    }
  }

  private static void bind(PreparedStatement ps) throws Exception {
    Timestamp t = new Timestamp(System.currentTimeMillis());
    ps.setTimestamp(1, t);
    ps.setTimestamp(2, t);
    ps.setTimestamp(3, t);
  }

  private static void measure(String label, Connection c, String sql) throws Exception {
    ThreadMXBean tb = ManagementFactory.getThreadMXBean();
    int rows = 0;
    long cpu = 0;
    long wall = 0;
    int n = 300;
    for (int i = 0; i < n + 50; i++) {
      long c0 = tb.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          rows = 0;
          while (rs.next()) {
            rows++;
          }
        }
      }
      if (i >= 50) {
        cpu += tb.getCurrentThreadCpuTime() - c0;
        wall += System.nanoTime() - w0;
      }
    }
    System.out.printf(
        "PROBE %s: %d rows, client cpu %.3f ms, wall %.3f ms per query%n",
        label, rows, cpu / 1e6 / n, wall / 1e6 / n);
  }
}
