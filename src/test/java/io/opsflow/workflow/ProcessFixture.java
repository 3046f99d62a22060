package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine of one process test class, registered with {@code @RegisterExtension}: the models of
 * {@code workflows/} deployed before the class, the engine clock at {@code start} before each test
 * and reset after it, the engine closed after the class; and the instance and timer look-ups the
 * process tests share. Tests move the clock and run timers themselves (the job executor is off).
 */
final class ProcessFixture extends ProcessEngineExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {
  private final Instant start;

  ProcessFixture(ProcessEngine engine, Instant start) {
    this.start = start;
    useProcessEngine(engine).build();
  }

  ProcessEngine engine() {
    return getProcessEngine();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    EngineFactory.deploy(engine(), Path.of("workflows"));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    init(engine());
    clockAt(start);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ClockUtil.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    engine().close();
    super.afterAll(context);
  }

  /** Sets the engine clock to {@code at}. */
  void clockAt(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
  }

  /** The one running instance of {@code processKey} with that business key. */
  ProcessInstance instance(String processKey, String businessKey) {
    List<ProcessInstance> instances = instances(processKey, businessKey);
    assertThat(instances).hasSize(1);
    return instances.get(0);
  }

  List<ProcessInstance> instances(String processKey, String businessKey) {
    ProcessInstanceQuery query = engine().getRuntimeService().createProcessInstanceQuery();
    return query.processDefinitionKey(processKey).processInstanceBusinessKey(businessKey).list();
  }

  /** The timers of the instance. */
  List<Job> timers(ProcessInstance instance) {
    return timerQuery(instance, null).list();
  }

  /** The timers of the instance at one activity. */
  List<Job> timers(ProcessInstance instance, String activityId) {
    return timerQuery(instance, activityId).list();
  }

  /** The timers of the instance that are due at the engine clock. */
  List<Job> dueTimers(ProcessInstance instance) {
    return timerQuery(instance, null).executable().list();
  }

  /** The timers of the instance at one activity that are due at the engine clock. */
  List<Job> dueTimers(ProcessInstance instance, String activityId) {
    return timerQuery(instance, activityId).executable().list();
  }

  /** The instance's one timer. */
  Job timer(ProcessInstance instance) {
    return timer(instance, null);
  }

  /** The instance's one timer (at that activity, unless null). */
  Job timer(ProcessInstance instance, String activityId) {
    List<Job> timers = timerQuery(instance, activityId).list();
    assertThat(timers).hasSize(1);
    return timers.get(0);
  }

  /** Moves the engine clock to {@code at} and runs the instance's timer, the one due then. */
  void runTimerAt(ProcessInstance instance, Instant at) {
    runTimerAt(instance, null, at);
  }

  /**
   * Moves the engine clock to {@code at} and runs the instance's timer (at that activity, unless
   * null), which must be the one due then.
   */
  void runTimerAt(ProcessInstance instance, String activityId, Instant at) {
    clockAt(at);
    List<Job> due = timerQuery(instance, activityId).executable().list();
    assertThat(due).hasSize(1);
    execute(due.get(0));
  }

  void execute(Job job) {
    engine().getManagementService().executeJob(job.getId());
  }

  private JobQuery timerQuery(ProcessInstance instance, String activityId) {
    JobQuery query =
        engine().getManagementService().createJobQuery().processInstanceId(instance.getId());
    if (activityId != null) {
      query.activityId(activityId);
    }
    return query.timers();
  }
}
