package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opsflow.db.Database;
import io.opsflow.incident.HibernateIncidentStore;
import io.opsflow.incident.IncidentEventCodec;
import io.opsflow.incident.model.Incident;
import io.opsflow.incident.model.IncidentCommands;
import io.opsflow.incident.model.Triage;
import io.opsflow.notify.EffectRecorder;
import io.opsflow.sla.SlaClockRow;
import io.opsflow.sla.SlaClocks;
import io.opsflow.sla.SlaSteps;
import io.opsflow.sla.model.BusinessCalendar;
import io.opsflow.sla.model.Holidays;
import io.opsflow.sla.model.SlaPolicy;
import io.opsflow.sla.model.SlaSettings;
import io.opsflow.sla.model.WeeklyHours;
import io.opsflow.sla.model.WorkingFrame;
import io.opsflow.testing.MutableClock;
import io.opsflow.testing.TestDatabase;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SLA clocks end to end through the engine, on opsflow's tables: an incident's priority starts its
 * clocks, the {@code sla} process's timers sit at the instants of the organization's business
 * calendar (Europe/Berlin, Monday to Friday 09:00-17:00), and moving the engine clock fires the
 * warning and the breach. Nothing sleeps.
 */
class SlaTimersEndToEndTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final MutableClock clock = new MutableClock(Instant.EPOCH);
  private static TestDatabase testDb;
  private static Database db;
  private static ProcessEngine engine;
  private static CamundaIncidentWorkflow workflow;
  private static SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private static EffectRecorder recorder;
  private static SlaClocks clocks;
  private static TestEngines.OnTables tables;
  private static final IncidentEventCodec codec = new IncidentEventCodec();

  @BeforeAll
  static void start() {
    testDb = TestDatabase.create();
    db = Database.open(testDb.url(), testDb.user(), testDb.password(), 4);
    BusinessCalendar berlin =
        BusinessCalendar.of(
            BERLIN, WeeklyHours.mondayToFriday(WorkingFrame.of("09:00", "17:00")), Holidays.none());
    SlaSettings settings =
        new SlaSettings(
            Map.of("acme", new SlaSettings.Organization("berlin", berlin, SlaPolicy.defaults())),
            SlaSettings.defaults().fallback());
    clocks = new SlaClocks(() -> settings, clock, metrics);
    recorder = new EffectRecorder(null, clock, clocks);
    SlaSteps steps = new SlaSteps(db, clocks, codec, recorder, () -> {}, clock, metrics);
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
  void aP1OpenedFridayEveningWarnsAndBreachesOnMondayAndAPauseMovesTheDeadline() {
    // Friday 2026-11-20 16:30 in Berlin
    String id = openIncident(Instant.parse("2026-11-20T15:30:00Z"));
    tables.inStore(
        s -> new Triage().prioritizeByHand(incident(s, id), "P-1", "user:alice", now(), s));
    String response = SlaClockRow.idOf(id, SlaClockRow.RESPONSE);
    workflow.startSla(response);

    // 75% of one business day (6 h): half an hour on Friday, 5.5 h on Monday: Monday 14:30
    assertThat(tables.timerDue(response)).isEqualTo(berlin("2026-11-23T14:30"));
    tables.runTimerAt(response, berlin("2026-11-23T14:30"));
    assertThat(tables.timeline(id))
        .anyMatch(m -> m.startsWith("SLA response warning: 75% of the P-1"));
    assertThat(tables.timerDue(response)).isEqualTo(berlin("2026-11-23T16:30"));

    // waiting on the customer from Monday 15:00 to Tuesday 09:00: 2 business hours paused
    tables.setNow(berlin("2026-11-23T15:00"));
    tables.inStore(s -> recorderClocks().pause(s.session(), incident(s, id), now(), "waiting"));
    workflow.updateSla(response);
    assertThat(tables.timers(response, null)).isEmpty();
    tables.setNow(berlin("2026-11-24T09:00"));
    tables.inStore(s -> recorderClocks().resume(s.session(), incident(s, id), now()));
    workflow.updateSla(response);
    assertThat(tables.timerDue(response)).isEqualTo(berlin("2026-11-24T10:30"));

    tables.runTimerAt(response, berlin("2026-11-24T10:30"));
    assertThat(tables.timeline(id))
        .anyMatch(m -> m.startsWith("SLA response breached: the P-1 target was due "));
    assertThat(
            metrics
                .counter(
                    "opsflow.sla.breaches",
                    "priority",
                    "P-1",
                    "organization",
                    "acme",
                    "kind",
                    "response")
                .count())
        .isEqualTo(1.0);

    tables.setNow(berlin("2026-11-24T11:00"));
    tables.inStore(s -> new IncidentCommands().acknowledge(id, "user:bob", now(), s));
    workflow.updateSla(response);
    assertThat(tables.timers(response, null)).isEmpty();
    assertThat(tables.running(response)).isFalse();
    assertThat(tables.timeline(id)).anyMatch(m -> m.startsWith("SLA response missed: stopped "));
  }

  @Test
  void aP0IsOneRealHourAcrossTheNightTheClocksGoBack() {
    // 2026-10-25 02:30 CEST, half an hour before Berlin's clocks go back
    Instant opened = Instant.parse("2026-10-25T00:30:00Z");
    String id = openIncident(opened);
    tables.inStore(
        s -> new Triage().prioritizeByHand(incident(s, id), "P-0", "user:alice", now(), s));
    String response = SlaClockRow.idOf(id, SlaClockRow.RESPONSE);
    String resolution = SlaClockRow.idOf(id, SlaClockRow.RESOLUTION);
    workflow.startSla(response);
    workflow.startSla(resolution);

    assertThat(tables.timerDue(response)).isEqualTo(opened.plusSeconds(45 * 60));
    tables.runTimerAt(response, opened.plusSeconds(45 * 60));
    assertThat(tables.timerDue(response)).isEqualTo(opened.plusSeconds(3600));

    tables.setNow(opened.plusSeconds(50 * 60));
    tables.inStore(s -> new IncidentCommands().acknowledge(id, "user:bob", now(), s));
    workflow.updateSla(response);
    assertThat(tables.running(response)).isFalse();
    assertThat(tables.timeline(id)).anyMatch(m -> m.startsWith("SLA response met: stopped "));
    assertThat(tables.running(resolution)).isTrue();
    assertThat(tables.timerDue(resolution)).isEqualTo(opened.plusSeconds(3 * 3600)); // 75% of 4 h
  }

  /** The clocks the recorder moves, for pause and resume as the API calls them. */
  private static SlaClocks recorderClocks() {
    return clocks;
  }

  private String openIncident(Instant at) {
    tables.setNow(at);
    return tables.openIncident("sla-", "Checkout slow", "error", at);
  }

  private static Incident incident(HibernateIncidentStore s, String id) {
    return s.find(id).orElseThrow();
  }

  private static Instant now() {
    return clock.instant();
  }

  private static Instant berlin(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }
}
