package io.opsflow.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the due-date acquisition needs in Camunda's own table, done at every start (each step is a
 * no-op once done), in SQL that H2 and PostgreSQL both take:
 *
 * <ul>
 *   <li>an index on {@code ACT_RU_JOB.DUEDATE_}: the engine creates {@code ACT_*} without one, so
 *       every acquisition read all open timers (10,000 rows with 10,000 SLA clocks) to find the few
 *       due ones;
 *   <li>a due date on jobs written without one (async work from before due dates were ensured): the
 *       acquisition now asks {@code DUEDATE_ <= now} only, and would never take them. Now is what a
 *       missing due date meant.
 * </ul>
 */
final class JobDueDateIndex {
  static final String INDEX = "OPSFLOW_IDX_JOB_DUEDATE";
  private static final Logger log = LoggerFactory.getLogger(JobDueDateIndex.class);

  private JobDueDateIndex() {}

  static void ensure(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("create index if not exists " + INDEX + " on ACT_RU_JOB (DUEDATE_)");
      }
      try (PreparedStatement ps =
          c.prepareStatement("update ACT_RU_JOB set DUEDATE_ = ? where DUEDATE_ is null")) {
        ps.setTimestamp(1, new Timestamp(System.currentTimeMillis()));
        int n = ps.executeUpdate();
        if (n > 0) {
          log.info("gave {} job(s) without a due date the due date now", n);
        }
      }
      c.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot index ACT_RU_JOB.DUEDATE_: " + e.getMessage(), e);
    }
  }
}
