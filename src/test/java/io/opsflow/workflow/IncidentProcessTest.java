package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code incident} process, driven through {@link CamundaIncidentWorkflow}. */
class IncidentProcessTest {
  private static final Instant OPENED_AT = Instant.parse("2026-03-29T00:30:00Z");

  private static final RecordingIncidentSteps steps = new RecordingIncidentSteps();

  @RegisterExtension
  static final ProcessEngineExtension extension =
      ProcessEngineExtension.builder().useProcessEngine(TestEngines.newEngine(steps)).build();

  /** Injected by the extension. */
  private ProcessEngine engine;

  private CamundaIncidentWorkflow workflow;

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
  }

  @Test
  void acknowledgedThenResolvedIncidentRunsTriageAndRecordsClosing() {
    workflow.start("inc-happy", "org-a", OPENED_AT);

    ProcessInstance instance = instanceOf("inc-happy");
    assertThat(instance)
        .hasBusinessKey("inc-happy")
        .hasPassed("incidentOpened", "triage")
        .isWaitingAt("awaitFirstResponse")
        .isWaitingFor(ProcessConstants.MSG_ACKNOWLEDGED, ProcessConstants.MSG_RESOLVED);
    assertThat(instance).variables().containsEntry(ProcessConstants.VAR_INCIDENT_ID, "inc-happy");
    assertThat(instance)
        .variables()
        .containsEntry(ProcessConstants.VAR_ORGANIZATION_ID, "org-a")
        .containsEntry(ProcessConstants.VAR_OPENED_AT, "2026-03-29T00:30:00Z");
    assertThat(steps.callsFor("inc-happy"))
        .containsExactly("triage:inc-happy", "freezePolicy:inc-happy");

    workflow.acknowledge("inc-happy", "alice");
    assertThat(instance).isWaitingAt("resolvedAfterAcknowledge");
    assertThat(workflow.isRunning("inc-happy")).isTrue();

    workflow.resolve("inc-happy", "bob");
    assertThat(instance)
        .hasPassed("acknowledged", "resolvedAfterAcknowledge", "recordClosed", "incidentClosed")
        .hasNotPassed("resolvedWithoutAcknowledge")
        .isEnded();
    assertThat(steps.callsFor("inc-happy"))
        .containsExactly("triage:inc-happy", "freezePolicy:inc-happy", "recordClosed:inc-happy");
    assertThat(workflow.isRunning("inc-happy")).isFalse();
    assertThat(historicVariable(instance, ProcessConstants.VAR_ACKNOWLEDGED_BY)).isEqualTo("alice");
    assertThat(historicVariable(instance, ProcessConstants.VAR_RESOLVED_BY)).isEqualTo("bob");
  }

  @Test
  void incidentResolvedWithoutAcknowledgeIsClosed() {
    workflow.start("inc-unacked", "org-a", OPENED_AT);
    ProcessInstance instance = instanceOf("inc-unacked");

    workflow.resolve("inc-unacked", "bob");

    assertThat(instance)
        .hasPassed("resolvedWithoutAcknowledge", "recordClosed", "incidentClosed")
        .hasNotPassed("acknowledged", "resolvedAfterAcknowledge")
        .isEnded();
    assertThat(steps.callsFor("inc-unacked"))
        .containsExactly(
            "triage:inc-unacked", "freezePolicy:inc-unacked", "recordClosed:inc-unacked");
  }

  @Test
  void duplicateAndLateMessagesAreIgnored() {
    workflow.start("inc-dup", "org-a", OPENED_AT);
    ProcessInstance instance = instanceOf("inc-dup");

    workflow.acknowledge("inc-dup", "alice");
    workflow.acknowledge("inc-dup", "alice");
    assertThat(instance).isWaitingAt("resolvedAfterAcknowledge");

    workflow.resolve("inc-dup", "bob");
    workflow.resolve("inc-dup", "bob");
    workflow.acknowledge("inc-dup", "carol");

    assertThat(instance).isEnded();
    assertThat(steps.callsFor("inc-dup"))
        .containsExactly("triage:inc-dup", "freezePolicy:inc-dup", "recordClosed:inc-dup");
  }

  @Test
  void messagesForAnIncidentWithoutProcessAreIgnored() {
    workflow.acknowledge("inc-unknown", "alice");
    workflow.resolve("inc-unknown", "alice");

    assertThat(workflow.isRunning("inc-unknown")).isFalse();
    assertThat(steps.callsFor("inc-unknown")).isEmpty();
  }

  @Test
  void startIsIdempotentWhileRunningAndAfterClosing() {
    workflow.start("inc-twice", "org-a", OPENED_AT);
    workflow.start("inc-twice", "org-a", OPENED_AT);
    assertThat(instancesOf("inc-twice")).hasSize(1);

    workflow.resolve("inc-twice", "bob");
    workflow.start("inc-twice", "org-a", OPENED_AT);

    assertThat(workflow.isRunning("inc-twice")).isFalse();
    assertThat(steps.callsFor("inc-twice"))
        .containsExactly("triage:inc-twice", "freezePolicy:inc-twice", "recordClosed:inc-twice");
  }

  private ProcessInstance instanceOf(String incidentId) {
    List<ProcessInstance> instances = instancesOf(incidentId);
    assertThat(instances).hasSize(1);
    return instances.get(0);
  }

  private List<ProcessInstance> instancesOf(String incidentId) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(ProcessConstants.INCIDENT_PROCESS)
        .processInstanceBusinessKey(incidentId)
        .list();
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    HistoricVariableInstance variable =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableName(name)
            .singleResult();
    return variable == null ? null : variable.getValue();
  }
}
