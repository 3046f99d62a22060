package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.db.Database;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.escalation.model.EscalationLevel;
import io.opsflow.escalation.model.EscalationPolicy;
import io.opsflow.escalation.model.Target;
import io.opsflow.escalation.model.User;
import io.opsflow.incident.IncidentEventCodec;
import io.opsflow.incident.IncidentSteps;
import io.opsflow.incident.model.Triage;
import io.opsflow.notify.EffectRecorder;
import io.opsflow.notify.model.EffectPlanner;
import io.opsflow.notify.model.EffectSettings;
import io.opsflow.service.ServiceCatalogue;
import io.opsflow.sla.model.Interval;
import io.opsflow.sla.model.Recurrence;
import io.opsflow.testing.MutableClock;
import io.opsflow.testing.TestDatabase;
import io.opsflow.uptime.MaintenanceHolds;
import io.opsflow.uptime.MaintenanceTimeline;
import io.opsflow.uptime.model.MaintenanceTransition;
import io.opsflow.uptime.model.MaintenanceWindow;
import io.opsflow.uptime.model.MaintenanceWindows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The incident process of a P-0 opened in a maintenance window of its organization, on opsflow's
 * tables and the real steps, with the engine clock moved: the response is held back (no room,
 * bridge, pages, reminders) and starts when the window ends, the escalation's delays counted from
 * then.
 */
class MaintenanceHoldProcessTest {
  private static final Instant OPENED = Instant.parse("2026-07-01T10:00:00Z");
  private static final Instant END = OPENED.plus(Duration.ofHours(2));
  private static final MutableClock clock = new MutableClock(OPENED);
  private static final IncidentEventCodec codec = new IncidentEventCodec();
  private static TestDatabase testDb;
  private static Database db;
  private static ProcessEngine engine;
  private static CamundaIncidentWorkflow workflow;
  private static EffectRecorder recorder;
  private static MaintenanceWindow drill;
  private static TestEngines.OnTables tables;

  @BeforeAll
  static void start() {
    testDb = TestDatabase.create();
    db = Database.open(testDb.url(), testDb.user(), testDb.password(), 4);
    recorder =
        new EffectRecorder(new EffectPlanner(EffectSettings.defaults(true, true, true)), clock);
    drill =
        new MaintenanceWindow(
            "mw_drill",
            "acme",
            null,
            "drill",
            Recurrence.once(OPENED.minusSeconds(60), END),
            "api",
            OPENED);
    recorder.maintenanceHolds(
        new MaintenanceHolds(
            () -> new MaintenanceWindows(() -> List.of(drill)), ServiceCatalogue::empty));
    OnCallSnapshot oncall =
        new OnCallSnapshot(
            Map.of("alice", new User("alice", "Alice", "alice@example.com", "U0ALICE")),
            Map.of(),
            List.of(
                new EscalationPolicy(
                    "default",
                    "Default",
                    List.of(
                        new EscalationLevel(
                            Duration.ofMinutes(10), List.of(new Target.UserTarget("alice")))),
                    1)),
            null,
            OPENED);
    IncidentSteps steps = new IncidentSteps(db, codec, () -> {}, () -> oncall, clock, recorder);
    engine = TestEngines.onTables(db.dataSource(), steps);
    tables = new TestEngines.OnTables(db, codec, recorder, clock, engine);
    workflow = new CamundaIncidentWorkflow(engine);
  }

  @AfterAll
  static void stop() {
    engine.close();
    db.close();
    testDb.close();
  }

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  @Test
  void theHeldResponseStartsWhenTheWindowEnds() {
    tables.setNow(OPENED);
    String id = openIncident();
    workflow.start(id, "acme", OPENED);
    tables.runAt(id, "escalationDue", OPENED);

    assertThat(tables.timeline(id))
        .containsOnlyOnce(
            "In maintenance window 'drill' until "
                + END
                + ": no war room, bridge, pages or customer mail; escalate to page")
        .noneMatch(m -> m.startsWith("Escalated to level"));
    assertThat(due(id, "escalationDue")).isEqualTo(END);
    tables.runAt(id, "statusUpdateDue", OPENED.plus(Duration.ofMinutes(30)));
    assertThat(tables.timeline(id)).noneMatch(m -> m.startsWith("Status update"));
    assertThat(tables.effects("kind", id)).isEmpty();

    tables.runAt(id, "escalationDue", END);

    assertThat(tables.timeline(id))
        .contains(
            "Maintenance window 'drill' ended: the response held back starts now",
            "Escalated to level 1 (round 1): alice");
    assertThat(tables.effects("kind", id)).contains("OpenRoom", "OpenBridge", "Page", "SendMail");
    // the next step follows its delay from the release, not from the incident's start
    assertThat(due(id, "escalationDue")).isEqualTo(END.plus(Duration.ofMinutes(10)));
  }

  @Test
  void theWindowsEndStartsTheResponseOfAnIncidentWithoutEscalationTimer() {
    tables.setNow(OPENED);
    String id = openIncident();
    tables.inStore(
        store ->
            new Triage()
                .prioritizeByHand(store.find(id).orElseThrow(), "P-0", "user:bob", OPENED, store));
    assertThat(tables.effects("kind", id)).isEmpty();

    tables.setNow(END);
    new MaintenanceTimeline(db, ServiceCatalogue::empty, recorder)
        .record(
            new MaintenanceTransition(
                MaintenanceTransition.Kind.ENDED, END, drill, new Interval(OPENED, END)));

    assertThat(tables.timeline(id))
        .containsOnlyOnce("Maintenance window 'drill' ended: the response held back starts now");
    assertThat(tables.effects("kind", id)).contains("OpenRoom", "OpenBridge");
  }

  private String openIncident() {
    return tables.openIncident("hold-", "Checkout down", "critical", OPENED);
  }

  private Instant due(String incidentId, String activity) {
    return tables.timer(incidentId, activity).getDuedate().toInstant();
  }
}
