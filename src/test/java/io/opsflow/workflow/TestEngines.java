package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.db.Database;
import io.opsflow.incident.HibernateIncidentStore;
import io.opsflow.incident.IncidentEventCodec;
import io.opsflow.incident.model.AlertGrouping;
import io.opsflow.incident.model.IncidentProcessSteps;
import io.opsflow.incident.model.Incidents;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.notify.EffectRecorder;
import io.opsflow.sla.model.SlaProcessSteps;
import io.opsflow.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Engines for process tests, job executor off (tests drive jobs): on their own in-memory H2
 * database, or on opsflow's tables with the models of {@code workflows/} deployed; and {@link
 * OnTables}, the incident and timer look-ups of the tests that run on opsflow's tables.
 */
final class TestEngines {
  private TestEngines() {}

  static ProcessEngine newEngine(IncidentProcessSteps steps) {
    return newEngine(steps, EngineFactory.NO_SLA);
  }

  static ProcessEngine newEngine(IncidentProcessSteps steps, SlaProcessSteps sla) {
    return newEngine(steps, sla, io.opsflow.ticket.model.TicketProcessSteps.NONE);
  }

  static ProcessEngine newEngine(
      IncidentProcessSteps steps,
      SlaProcessSteps sla,
      io.opsflow.ticket.model.TicketProcessSteps tickets) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:opsflow-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    return new EngineFactory(dataSource, steps, sla, jobExecutorOff()).tickets(tickets).build();
  }

  /** An engine on opsflow's tables in {@code dataSource}, the models of workflows/ deployed. */
  static ProcessEngine onTables(DataSource dataSource, IncidentProcessSteps steps) {
    return onTables(dataSource, steps, EngineFactory.NO_SLA);
  }

  /** An engine on opsflow's tables in {@code dataSource}, the models of workflows/ deployed. */
  static ProcessEngine onTables(
      DataSource dataSource, IncidentProcessSteps steps, SlaProcessSteps sla) {
    ProcessEngine engine = new EngineFactory(dataSource, steps, sla, jobExecutorOff()).build();
    EngineFactory.deploy(engine, Path.of("workflows"));
    return engine;
  }

  private static EngineFactory.Options jobExecutorOff() {
    return EngineFactory.Options.defaults()
        .withJobExecutor(false, Duration.ofMillis(100), Duration.ofMillis(500));
  }

  /**
   * Opens incidents and reads their timeline and effects on opsflow's tables, moves opsflow's clock
   * and the engine's together, and finds and runs the timers of the engine's instances by business
   * key (an incident id or an SLA clock id). The engine may be null for tests that call the steps.
   */
  record OnTables(
      Database db,
      IncidentEventCodec codec,
      EffectRecorder recorder,
      MutableClock clock,
      ProcessEngine engine) {

    /** Sets opsflow's clock and the engine's to {@code at}. */
    void setNow(Instant at) {
      clock.set(at);
      ClockUtil.setCurrentTime(Date.from(at));
    }

    /** Opens an incident from a Prometheus trigger raised {@code at}; its id. */
    String openIncident(String keyPrefix, String title, String severity, Instant at) {
      String key = keyPrefix + UUID.randomUUID();
      inStore(s -> new AlertGrouping().apply(Incidents.aTrigger(key, title, severity, at), s));
      return db.inTransaction(
          s ->
              s.createSelectionQuery("select id from Incident where alertKey = :k", String.class)
                  .setParameter("k", key)
                  .getSingleResult());
    }

    /** Runs {@code work} on the incident store in one transaction. */
    void inStore(Consumer<HibernateIncidentStore> work) {
      db.inTransaction(
          s -> {
            work.accept(new HibernateIncidentStore(s, codec, recorder));
            return null;
          });
    }

    /** The messages of the incident's timeline, oldest first. */
    List<String> timeline(String incidentId) {
      return db.inTransaction(
          s ->
              s
                  .createSelectionQuery(
                      "from TimelineEntry where incidentId = :id order by id", TimelineEntry.class)
                  .setParameter("id", incidentId)
                  .getResultList()
                  .stream()
                  .map(TimelineEntry::message)
                  .toList());
    }

    /** One column of the incident's effects, ordered by it. */
    List<String> effects(String column, String incidentId) {
      return db.inTransaction(
          s ->
              s.createNativeQuery(
                      "select "
                          + column
                          + " from effect where incident_id = :id order by "
                          + column,
                      String.class)
                  .setParameter("id", incidentId)
                  .getResultList());
    }

    /** Whether an instance with that business key runs. */
    boolean running(String businessKey) {
      return engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(businessKey)
              .count()
          > 0;
    }

    /** The timers of the instance with that business key (at that activity, unless null). */
    List<Job> timers(String businessKey, String activityId) {
      ProcessInstance instance =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(businessKey)
              .singleResult();
      if (instance == null) {
        return List.of();
      }
      JobQuery query =
          engine.getManagementService().createJobQuery().processInstanceId(instance.getId());
      if (activityId != null) {
        query.activityId(activityId);
      }
      return query.timers().list();
    }

    /** The one timer of the instance with that business key (at that activity, unless null). */
    Job timer(String businessKey, String activityId) {
      List<Job> timers = timers(businessKey, activityId);
      assertThat(timers).hasSize(1);
      return timers.get(0);
    }

    /** When the one timer of the instance with that business key is due. */
    Instant timerDue(String businessKey) {
      return timer(businessKey, null).getDuedate().toInstant();
    }

    /** Moves the clocks to {@code at} and runs the instance's timer at that activity. */
    void runAt(String businessKey, String activityId, Instant at) {
      setNow(at);
      execute(timer(businessKey, activityId));
    }

    /** Moves the clocks to {@code at} and runs the instance's one timer, which is due then. */
    void runTimerAt(String businessKey, Instant at) {
      setNow(at);
      Job timer = timer(businessKey, null);
      assertThat(timer.getDuedate().toInstant()).isEqualTo(at);
      execute(timer);
    }

    void execute(Job job) {
      engine.getManagementService().executeJob(job.getId());
    }
  }
}
