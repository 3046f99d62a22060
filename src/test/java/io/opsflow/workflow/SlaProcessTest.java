package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.opsflow.sla.SlaProcessSteps;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
  static final ProcessEngineExtension extension =
      ProcessEngineExtension.builder()
          .useProcessEngine(TestEngines.newEngine(new RecordingIncidentSteps(), steps))
          .build();

  private ProcessEngine engine;
  private CamundaIncidentWorkflow workflow;

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

  @BeforeAll
  static void deployModels() {
    EngineFactory.deploy(extension.getProcessEngine(), Path.of("workflows"));
  }

  @AfterAll
  static void closeEngine() {
    extension.getProcessEngine().close();
  }

  @BeforeEach
  void setUp() {
    init(engine);
    workflow = new CamundaIncidentWorkflow(engine);
    ClockUtil.setCurrentTime(Date.from(T0));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
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
    assertThat(timer(instance).getDuedate()).isEqualTo(Date.from(warnAt));

    runTimerAt(instance, warnAt);
    assertThat(instance).hasPassed("warn").isWaitingAt("awaitBreach");
    assertThat(timer(instance).getDuedate()).isEqualTo(Date.from(dueAt));

    ClockUtil.setCurrentTime(Date.from(dueAt.minusSeconds(1)));
    assertThat(dueTimers(instance)).isEmpty();
    runTimerAt(instance, dueAt);
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
    assertThat(timers(instance)).isEmpty();

    workflow.updateSla(clock);
    assertThat(instance).isWaitingAt("awaitWarning");
    assertThat(timer(instance).getDuedate()).isEqualTo(Date.from(movedWarn));
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
    assertThat(timers(instance)).isEmpty();
    workflow.updateSla(clock); // a late update to an ended clock changes nothing
    workflow.startSla(clock); // nor does a second start
    assertThat(steps.callsFor(clock)).filteredOn(c -> c.startsWith("finish")).hasSize(1);
  }

  private static SlaProcessSteps.Schedule running(Instant warnAt, Instant dueAt) {
    return new SlaProcessSteps.Schedule("running", warnAt.toString(), dueAt.toString());
  }

  private void runTimerAt(ProcessInstance instance, Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    List<Job> due = dueTimers(instance);
    assertThat(due).hasSize(1);
    engine.getManagementService().executeJob(due.get(0).getId());
  }

  private Job timer(ProcessInstance instance) {
    List<Job> timers = timers(instance);
    assertThat(timers).hasSize(1);
    return timers.get(0);
  }

  private List<Job> timers(ProcessInstance instance) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .timers()
        .list();
  }

  private List<Job> dueTimers(ProcessInstance instance) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance.getId())
        .timers()
        .executable()
        .list();
  }

  private ProcessInstance instance(String clockId) {
    List<ProcessInstance> instances =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("sla")
            .processInstanceBusinessKey(clockId)
            .list();
    assertThat(instances).hasSize(1);
    return instances.get(0);
  }
}
