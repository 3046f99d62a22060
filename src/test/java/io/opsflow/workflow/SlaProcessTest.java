package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.opsflow.sla.model.SlaProcessSteps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code sla} process: warning and breach timers at the instants the domain computes, updates
 * (pause, resume, retarget, stop) that schedule the clock again, every branch of {@code slaState}.
 * Timers run by moving the engine clock.
 */
class SlaProcessTest {
  private static final Instant T0 = Instant.parse("2026-11-20T15:30:00Z");
  private static final Steps steps = new Steps();

  @RegisterExtension
  static final ProcessFixture fixture =
      new ProcessFixture(TestEngines.newEngine(new RecordingIncidentSteps(), steps), T0);

  private final CamundaIncidentWorkflow workflow = new CamundaIncidentWorkflow(fixture.engine());

  /** Answers the schedules given per clock, in order; records every call. */
  static final class Steps implements SlaProcessSteps {
    final Map<String, List<Schedule>> given = new HashMap<>();
    final List<String> calls = new ArrayList<>();

    synchronized void next(String clock, Schedule s) {
      given.computeIfAbsent(clock, k -> new ArrayList<>()).add(s);
    }

    @Override
    public synchronized Schedule schedule(String clockId) {
      calls.add("schedule:" + clockId);
      List<Schedule> answers = given.getOrDefault(clockId, List.of());
      return answers.isEmpty() ? Schedule.stopped() : answers.remove(0);
    }

    @Override
    public synchronized void warn(String clockId) {
      calls.add("warn:" + clockId);
    }

    @Override
    public synchronized void breach(String clockId) {
      calls.add("breach:" + clockId);
    }

    @Override
    public synchronized void finish(String clockId) {
      calls.add("finish:" + clockId);
    }

    synchronized List<String> callsFor(String clockId) {
      return calls.stream().filter(c -> c.endsWith(":" + clockId)).toList();
    }
  }

  @Test
  void warnsThenBreachesAtTheComputedInstantsThenWaitsForTheStop() {
    String clock = "inc-1:response";
    Instant warnAt = T0.plus(Duration.ofHours(2));
    Instant dueAt = Instant.parse("2026-11-23T15:30:00Z"); // Friday 16:30 Berlin -> Monday
    steps.next(clock, running(warnAt, dueAt));
    steps.next(clock, new SlaProcessSteps.Schedule("warned", "", dueAt.toString()));
    steps.next(clock, new SlaProcessSteps.Schedule("breached", "", ""));
    steps.next(clock, SlaProcessSteps.Schedule.stopped());

    workflow.startSla(clock);
    workflow.startSla(clock);
    ProcessInstance instance = instance(clock);
    assertThat(instance).isWaitingAt("awaitWarning");
    assertThat(fixture.timer(instance).getDuedate()).isEqualTo(Date.from(warnAt));

    fixture.runTimerAt(instance, warnAt);
    assertThat(instance).hasPassed("warn").isWaitingAt("awaitBreach");
    assertThat(fixture.timer(instance).getDuedate()).isEqualTo(Date.from(dueAt));

    fixture.clockAt(dueAt.minusSeconds(1));
    assertThat(fixture.dueTimers(instance)).isEmpty();
    fixture.runTimerAt(instance, dueAt);
    assertThat(instance).hasPassed("breach").isWaitingAt("updatedAfterBreach");

    workflow.updateSla(clock);
    assertThat(instance).hasPassed("finish").isEnded();
    assertThat(steps.callsFor(clock))
        .containsExactly(
            "schedule:" + clock,
            "warn:" + clock,
            "schedule:" + clock,
            "breach:" + clock,
            "schedule:" + clock,
            "schedule:" + clock,
            "finish:" + clock);
  }

  @Test
  void aPauseWaitsWithoutTimersAndAResumeReschedules() {
    String clock = "inc-2:response";
    Instant warnAt = T0.plus(Duration.ofMinutes(45));
    Instant dueAt = T0.plus(Duration.ofHours(1));
    steps.next(clock, running(warnAt, dueAt));
    steps.next(clock, new SlaProcessSteps.Schedule("paused", "", ""));
    Instant movedWarn = warnAt.plus(Duration.ofHours(3));
    steps.next(clock, running(movedWarn, dueAt.plus(Duration.ofHours(3))));

    workflow.startSla(clock);
    ProcessInstance instance = instance(clock);
    workflow.updateSla(clock);
    assertThat(instance).isWaitingAt("updatedWhilePaused");
    assertThat(fixture.timers(instance)).isEmpty();

    workflow.updateSla(clock);
    assertThat(instance).isWaitingAt("awaitWarning");
    assertThat(fixture.timer(instance).getDuedate()).isEqualTo(Date.from(movedWarn));
  }

  @Test
  void aStopBeforeTheWarningRecordsTheOutcomeAndEnds() {
    String clock = "inc-3:response";
    steps.next(clock, running(T0.plus(Duration.ofMinutes(45)), T0.plus(Duration.ofHours(1))));
    steps.next(clock, SlaProcessSteps.Schedule.stopped());

    workflow.startSla(clock);
    ProcessInstance instance = instance(clock);
    workflow.updateSla(clock);

    assertThat(instance).hasPassed("updatedBeforeWarning", "finish", "slaEnded").isEnded();
    assertThat(fixture.timers(instance)).isEmpty();
    workflow.updateSla(clock); // a late update to an ended clock changes nothing
    workflow.startSla(clock); // nor does a second start
    assertThat(steps.callsFor(clock)).filteredOn(c -> c.startsWith("finish")).hasSize(1);
  }

  private static SlaProcessSteps.Schedule running(Instant warnAt, Instant dueAt) {
    return new SlaProcessSteps.Schedule("running", warnAt.toString(), dueAt.toString());
  }

  private ProcessInstance instance(String clockId) {
    return fixture.instance("sla", clockId);
  }
}
