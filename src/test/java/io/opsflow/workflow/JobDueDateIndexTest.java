package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The engine indexes {@code ACT_RU_JOB.DUEDATE_} at start and gives jobs left without a due date
 * the due date now, so the due-date acquisition takes them; the unordered acquisition leaves the
 * table as Camunda made it.
 */
class JobDueDateIndexTest {
  private final JdbcDataSource dataSource = new JdbcDataSource();

  JobDueDateIndexTest() {
    dataSource.setURL("jdbc:h2:mem:opsflow-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
  }

  private ProcessEngine engine(boolean byDueDate) {
    EngineFactory.Options options =
        EngineFactory.Options.defaults()
            .withJobExecutor(false, Duration.ofMillis(100), Duration.ofMillis(500))
            .withAcquireByDueDate(byDueDate);
    return new EngineFactory(dataSource, new RecordingIncidentSteps(), options).build();
  }

  @Test
  void indexesTheDueDateAndDatesJobsWithoutOne() throws SQLException {
    ProcessEngine unordered = engine(false);
    assertThat(indexes()).doesNotContain(JobDueDateIndex.INDEX);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "insert into ACT_RU_JOB (ID_, REV_, TYPE_, RETRIES_, EXCLUSIVE_)"
              + " values ('old-async-job', 1, 'message', 3, true)");
    }
    unordered.close();

    ProcessEngine engine = engine(true);
    try {
      assertThat(indexes()).contains(JobDueDateIndex.INDEX);
      assertThat(
              engine
                  .getManagementService()
                  .createJobQuery()
                  .jobId("old-async-job")
                  .singleResult()
                  .getDuedate())
          .isNotNull();
      assertThat(EngineFactory.jobExecutorSettings(engine))
          .containsEntry("acquireByDueDate", true)
          .containsEntry("ensureJobDueDateNotNull", true);
    } finally {
      engine.close();
    }
    // a second start finds the index there and changes nothing
    engine(true).close();
    assertThat(indexes()).contains(JobDueDateIndex.INDEX);
  }

  private Set<String> indexes() throws SQLException {
    Set<String> names = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.getMetaData().getIndexInfo(null, null, "ACT_RU_JOB", false, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        if (name != null) {
          names.add(name.toUpperCase(Locale.ROOT));
        }
      }
    }
    return names;
  }
}
