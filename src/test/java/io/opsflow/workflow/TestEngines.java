package io.opsflow.workflow;

import io.opsflow.incident.IncidentProcessSteps;
import io.opsflow.sla.SlaProcessSteps;
import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.h2.jdbcx.JdbcDataSource;

/** Engines on their own in-memory H2 database, job executor off (tests drive jobs). */
final class TestEngines {
  private TestEngines() {}

  static ProcessEngine newEngine(IncidentProcessSteps steps) {
    return newEngine(steps, EngineFactory.NO_SLA);
  }

  static ProcessEngine newEngine(IncidentProcessSteps steps, SlaProcessSteps sla) {
    return newEngine(steps, sla, io.opsflow.ticket.TicketProcessSteps.NONE);
  }

  static ProcessEngine newEngine(
      IncidentProcessSteps steps,
      SlaProcessSteps sla,
      io.opsflow.ticket.TicketProcessSteps tickets) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:opsflow-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    EngineFactory.Options options =
        EngineFactory.Options.defaults()
            .withJobExecutor(false, Duration.ofMillis(100), Duration.ofMillis(500));
    return new EngineFactory(dataSource, steps, sla, options).tickets(tickets).build();
  }
}
