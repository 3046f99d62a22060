package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opsflow.db.Database;
import io.opsflow.escalation.config.OnCallConfig;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.incident.IncidentEventCodec;
import io.opsflow.incident.IncidentSteps;
import io.opsflow.incident.model.EscalationDecision;
import io.opsflow.incident.model.IncidentCommands;
import io.opsflow.incident.model.IncidentProcessSteps;
import io.opsflow.incident.model.TimelineEntry;
import io.opsflow.incident.model.TriageDecision;
import io.opsflow.incident.model.TriageFacts;
import io.opsflow.notify.EffectRecorder;
import io.opsflow.sla.SlaClockRow;
import io.opsflow.sla.SlaClocks;
import io.opsflow.sla.SlaSteps;
import io.opsflow.sla.model.SlaSettings;
import io.opsflow.testing.MutableClock;
import io.opsflow.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every workflow step that writes is applied once per (subject, step, occurrence): run twice with
 * the same occurrence, as the engine does when its own transaction fails after opsflow's committed,
 * it writes one timeline entry and hands the engine the same result.
 */
class WorkflowStepsOnceTest {
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private static final IncidentEventCodec codec = new IncidentEventCodec();
  private static TestDatabase testDb;
  private static Database db;
  private static OnCallConfig oncall;
  private static EffectRecorder recorder;
  private static IncidentSteps steps;
  private static SlaSteps sla;
  private static TestEngines.OnTables tables;

  @BeforeAll
  static void start() {
    testDb = TestDatabase.create();
    db = Database.open(testDb.url(), testDb.user(), testDb.password(), 4);
    oncall = OnCallConfig.start(Path.of("oncall"), clock);
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    SlaClocks clocks = new SlaClocks(SlaSettings::defaults, clock, metrics);
    recorder = new EffectRecorder(null, clock, clocks);
    Supplier<OnCallSnapshot> snapshot = oncall::snapshot;
    steps = new IncidentSteps(db, codec, () -> {}, snapshot, clock, recorder);
    sla = new SlaSteps(db, clocks, codec, recorder, () -> {}, clock, metrics);
    tables = new TestEngines.OnTables(db, codec, recorder, clock, null);
  }

  @AfterAll
  static void stop() {
    oncall.close();
    db.close();
    testDb.close();
  }

  @Test
  void eachIncidentStepRunTwiceWritesOnceAndAnswersTheSame() {
    String id = openIncident();
    TriageFacts facts = steps.triageFacts(id);
    TriageDecision decision = new TriageDecision("P-0", "default", "triage.dmn");
    assertThat(steps.triage(id, facts, decision)).isEqualTo("default");
    assertThat(steps.triage(id, facts, decision)).isEqualTo("default");
    assertThat(steps.freezePolicy(id, "default")).isEqualTo("default");
    assertThat(steps.freezePolicy(id, "default")).isEqualTo("default");
    EscalationDecision first = steps.escalate(id, "default", 0);
    clock.advance(Duration.ofMinutes(5)); // the retry after a kill comes with the job's lock expiry
    EscalationDecision again = steps.escalate(id, "default", 0);
    assertThat(again.outcome()).isEqualTo(first.outcome());
    assertThat(again.nextStep()).isEqualTo(first.nextStep());
    Duration planned = Duration.parse(first.delayBeforeNext()).minusMinutes(5);
    assertThat(Duration.parse(again.delayBeforeNext()))
        .isEqualTo(planned.isNegative() ? Duration.ZERO : planned);
    steps.remindStatusUpdate(id, 1);
    steps.remindStatusUpdate(id, 1);
    steps.remindStatusUpdate(id, 2);
    steps.recordClosed(id);
    steps.recordClosed(id);

    assertThat(kinds(id, "triaged")).hasSize(1);
    assertThat(kinds(id, "escalation_policy")).hasSize(1);
    assertThat(kinds(id, "escalated"))
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith("Escalated to level 1 (round 1)"));
    assertThat(kinds(id, "status_update_due"))
        .containsExactly("Status update 1 due", "Status update 2 due");
    assertThat(kinds(id, "process_closed")).hasSize(1);
  }

  @Test
  void eachSlaStepRunTwiceWritesOnce() {
    String id = openIncident();
    steps.triage(id, steps.triageFacts(id), new TriageDecision("P-0", "", "triage.dmn"));
    String response = SlaClockRow.idOf(id, SlaClockRow.RESPONSE);
    clock.advance(Duration.ofMinutes(50)); // P-0: one hour, warned at 75%
    sla.warn(response);
    sla.warn(response);
    clock.advance(Duration.ofMinutes(20));
    sla.breach(response);
    sla.breach(response);
    tables.inStore(s -> new IncidentCommands().acknowledge(id, "user:bob", clock.instant(), s));
    sla.finish(response);
    sla.finish(response);

    assertThat(kinds(id, "sla_warning")).hasSize(1);
    assertThat(kinds(id, "sla_breached")).hasSize(1);
    assertThat(kinds(id, "sla").stream().filter(m -> m.startsWith("SLA response missed")))
        .hasSize(1);
  }

  @Test
  void theEngineRetryingATransactionThatFailedAfterTheStepCommittedWritesOnce() {
    AtomicBoolean failClose = new AtomicBoolean(true);
    AtomicBoolean failEscalate = new AtomicBoolean(true);
    IncidentProcessSteps failingOnce = new FailingAfterWrite(steps, failEscalate, failClose);
    ProcessEngine engine = TestEngines.onTables(db.dataSource(), failingOnce);
    try {
      CamundaIncidentWorkflow workflow = new CamundaIncidentWorkflow(engine);
      String id = openIncident();
      workflow.start(id, "acme", clock.instant());
      Job due = escalationJob(engine, id);
      // the job's transaction fails after the step committed; the engine runs the job again
      assertThatThrownBy(() -> engine.getManagementService().executeJob(due.getId()))
          .isInstanceOf(RuntimeException.class);
      engine.getManagementService().executeJob(due.getId());
      assertThat(kinds(id, "escalated")).hasSize(1);

      // resolving: the correlation's transaction fails after recordClosed; it is retried
      tables.inStore(s -> new IncidentCommands().resolve(id, "user:bob", clock.instant(), s));
      workflow.resolve(id, "user:bob");
      assertThat(failClose.get()).isFalse();
      assertThat(workflow.isRunning(id)).isFalse();
      assertThat(kinds(id, "process_closed")).hasSize(1);
    } finally {
      engine.close();
    }
  }

  private static Job escalationJob(ProcessEngine engine, String incidentId) {
    String instance =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(incidentId)
            .singleResult()
            .getId();
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance)
        .activityId("escalationDue")
        .singleResult();
  }

  /** The real steps; escalate and recordClosed fail once each after their write committed. */
  private record FailingAfterWrite(
      IncidentProcessSteps real, AtomicBoolean failEscalate, AtomicBoolean failClose)
      implements IncidentProcessSteps {
    @Override
    public TriageFacts triageFacts(String incidentId) {
      return real.triageFacts(incidentId);
    }

    @Override
    public String triage(String incidentId, TriageFacts facts, TriageDecision decision) {
      return real.triage(incidentId, facts, decision);
    }

    @Override
    public String freezePolicy(String incidentId, String policyId) {
      return real.freezePolicy(incidentId, policyId);
    }

    @Override
    public EscalationDecision escalate(String incidentId, String frozenPolicy, int step) {
      EscalationDecision d = real.escalate(incidentId, frozenPolicy, step);
      if (failEscalate.getAndSet(false)) {
        throw new OptimisticLockingException("the job's own transaction failed");
      }
      return d;
    }

    @Override
    public String statusReminderCycle(String incidentId) {
      return real.statusReminderCycle(incidentId);
    }

    @Override
    public void remindStatusUpdate(String incidentId, int reminder) {
      real.remindStatusUpdate(incidentId, reminder);
    }

    @Override
    public void recordClosed(String incidentId) {
      real.recordClosed(incidentId);
      if (failClose.getAndSet(false)) {
        throw new OptimisticLockingException("the correlation's own transaction failed");
      }
    }
  }

  private static String openIncident() {
    return tables.openIncident("once-", "Checkout slow", "critical", clock.instant());
  }

  private static List<String> kinds(String incidentId, String kind) {
    return db.inTransaction(
        s ->
            s
                .createSelectionQuery(
                    "from TimelineEntry where incidentId = :id and kind = :k order by id",
                    TimelineEntry.class)
                .setParameter("id", incidentId)
                .setParameter("k", kind)
                .getResultList()
                .stream()
                .map(TimelineEntry::message)
                .toList());
  }
}
