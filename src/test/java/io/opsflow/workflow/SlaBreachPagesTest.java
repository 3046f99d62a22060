package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opsflow.db.Database;
import io.opsflow.escalation.config.OnCallSnapshot;
import io.opsflow.escalation.model.EscalationLevel;
import io.opsflow.escalation.model.EscalationPolicy;
import io.opsflow.escalation.model.Target;
import io.opsflow.escalation.model.User;
import io.opsflow.incident.IncidentEventCodec;
import io.opsflow.incident.IncidentSteps;
import io.opsflow.incident.model.IncidentCommands;
import io.opsflow.incident.model.Triage;
import io.opsflow.notify.EffectRecorder;
import io.opsflow.notify.model.EffectPlanner;
import io.opsflow.notify.model.EffectSettings;
import io.opsflow.sla.SlaClockRow;
import io.opsflow.sla.SlaClocks;
import io.opsflow.sla.SlaSteps;
import io.opsflow.sla.model.SlaSettings;
import io.opsflow.testing.MutableClock;
import io.opsflow.testing.TestDatabase;
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
 * What an SLA breach sends, through the engine's timers on opsflow's tables: a breached response
 * pages the next level of the frozen policy now, or everyone of it at the last level, and a
 * breached resolution is said in the war room; the timeline says exactly that.
 */
class SlaBreachPagesTest {
  private static final MutableClock clock = new MutableClock(Instant.EPOCH);
  private static final IncidentEventCodec codec = new IncidentEventCodec();
  private static final Map<String, User> USERS =
      Map.of(
          "alice", new User("alice", "Alice", "alice@example.com", "U0ALICE"),
          "bob", new User("bob", "Bob", "bob@example.com", "U0BOB"),
          "carol", new User("carol", "Carol", "carol@example.com", null));
  private static volatile OnCallSnapshot oncall;
  private static TestDatabase testDb;
  private static Database db;
  private static ProcessEngine engine;
  private static CamundaIncidentWorkflow workflow;
  private static EffectRecorder recorder;
  private static IncidentSteps incidentSteps;
  private static TestEngines.OnTables tables;

  @BeforeAll
  static void start() {
    testDb = TestDatabase.create();
    db = Database.open(testDb.url(), testDb.user(), testDb.password(), 4);
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    SlaClocks clocks = new SlaClocks(SlaSettings::defaults, clock, metrics);
    recorder =
        new EffectRecorder(
            new EffectPlanner(EffectSettings.defaults(true, false, true)), clock, clocks);
    SlaSteps steps =
        new SlaSteps(db, clocks, codec, recorder, () -> {}, clock, metrics).oncall(() -> oncall);
    incidentSteps = new IncidentSteps(db, codec, () -> {}, () -> oncall, clock, recorder);
    engine = TestEngines.onTables(db.dataSource(), new RecordingIncidentSteps(), steps);
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
  void aBreachedResponsePagesTheNextLevelNow() {
    // level 1 (alice) at once, level 2 (bob) after 50 min, level 3 (carol) 30 min later
    String id = aP0Incident(policy(level(50, "alice"), level(30, "bob"), level(10, "carol")));

    breachResponse(id);

    assertThat(tables.timeline(id))
        .contains(
            "SLA response breached: the P-0 target was due "
                + opened(id).plus(Duration.ofHours(1))
                + "; paged level 3 of policy 'default' now: carol; posted to the war room");
    assertThat(tables.effects("effect_key", id))
        .contains(id + ":sla-breach:response:mail:carol", id + ":sla-breach:response:room")
        .noneMatch(k -> k.contains(":sla-breach:response:") && k.contains("alice"))
        .noneMatch(k -> k.contains(":sla-breach:response:") && k.contains("bob"));
  }

  @Test
  void aBreachedResponseAtTheLastLevelPagesEveryoneOfThePolicy() {
    String id = aP0Incident(policy(level(10, "alice"), level(10, "bob")));

    breachResponse(id);

    assertThat(tables.timeline(id))
        .anyMatch(
            m ->
                m.startsWith("SLA response breached: the P-0 target was due ")
                    && m.endsWith(
                        "; paged everyone of policy 'default' now: alice, bob; posted to the war"
                            + " room"));
    assertThat(tables.effects("effect_key", id))
        .contains(
            id + ":sla-breach:response:page:alice",
            id + ":sla-breach:response:mail:alice",
            id + ":sla-breach:response:page:bob",
            id + ":sla-breach:response:mail:bob");
  }

  @Test
  void aBreachedResolutionIsSaidInTheWarRoomAndPagesNobody() {
    String id = aP0Incident(policy(level(10, "alice"), level(10, "bob")));
    tables.setNow(opened(id).plus(Duration.ofMinutes(5)));
    tables.inStore(s -> new IncidentCommands().acknowledge(id, "user:alice", now(), s));
    String resolution = SlaClockRow.idOf(id, SlaClockRow.RESOLUTION);
    workflow.startSla(resolution);
    tables.runTimerAt(resolution, opened(id).plus(Duration.ofHours(3)));
    tables.runTimerAt(resolution, opened(id).plus(Duration.ofHours(4)));

    assertThat(tables.timeline(id))
        .contains(
            "SLA resolution breached: the P-0 target was due "
                + opened(id).plus(Duration.ofHours(4))
                + "; posted to the war room");
    assertThat(tables.effects("effect_key", id))
        .contains(id + ":sla-breach:resolution:room")
        .noneMatch(
            k -> k.contains(":sla-breach:") && (k.contains(":page:") || k.contains(":mail:")));
  }

  private void breachResponse(String id) {
    String response = SlaClockRow.idOf(id, SlaClockRow.RESPONSE);
    workflow.startSla(response);
    tables.runTimerAt(response, opened(id).plus(Duration.ofMinutes(45)));
    tables.runTimerAt(response, opened(id).plus(Duration.ofHours(1)));
  }

  private static EscalationLevel level(int minutes, String user) {
    return new EscalationLevel(Duration.ofMinutes(minutes), List.of(new Target.UserTarget(user)));
  }

  private static EscalationPolicy policy(EscalationLevel... levels) {
    return new EscalationPolicy("default", "Default", List.of(levels), 0);
  }

  /** A P-0 opened now (a new instant per test), its war room planned, its policy frozen. */
  private String aP0Incident(EscalationPolicy policy) {
    Instant at = Instant.parse("2026-06-01T10:00:00Z").plus(Duration.ofDays(tests++));
    tables.setNow(at);
    oncall = new OnCallSnapshot(USERS, Map.of(), List.of(policy), null, at);
    String id = tables.openIncident("breach-", "Checkout down", "critical", at);
    tables.inStore(
        s -> new Triage().prioritizeByHand(s.find(id).orElseThrow(), "P-0", "user:alice", at, s));
    incidentSteps.freezePolicy(id, "default");
    return id;
  }

  private static int tests;

  private static Instant opened(String id) {
    return db.inTransaction(
        s ->
            s.createSelectionQuery("select openedAt from Incident where id = :id", Instant.class)
                .setParameter("id", id)
                .getSingleResult());
  }

  private static Instant now() {
    return clock.instant();
  }
}
