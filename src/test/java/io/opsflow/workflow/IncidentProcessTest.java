package io.opsflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.opsflow.incident.model.EscalationDecision;
import io.opsflow.incident.model.TriageDecision;
import io.opsflow.incident.model.TriageFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code incident} process, driven through {@link CamundaIncidentWorkflow}. */
class IncidentProcessTest {
  private static final Instant OPENED_AT = Instant.parse("2026-03-29T00:30:00Z");

  /** The process only passes the frozen policy along; its content is the domain's business. */
  private static final String POLICY = "opsflow-frozen-policy 1\nid default\n";

  /** The escalation timer (the status reminder timer is not one). */
  private static final String ESCALATION_DUE = "escalationDue";

  private static final RecordingIncidentSteps steps = new RecordingIncidentSteps();

  @RegisterExtension
  static final ProcessFixture fixture = new ProcessFixture(TestEngines.newEngine(steps), OPENED_AT);

  private final CamundaIncidentWorkflow workflow = new CamundaIncidentWorkflow(fixture.engine());

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
  void triageRecordsWhatTheDeployedDecisionTableSays() {
    steps.givenFacts("inc-red", new TriageFacts("critical", "red", "gold", "checkout-staging"));
    steps.givenFacts("inc-green", new TriageFacts("error", "green", "gold", "checkout"));

    workflow.start("inc-red", "org-a", OPENED_AT);
    workflow.start("inc-green", "org-a", OPENED_AT);

    assertThat(steps.triageDecision("inc-red"))
        .isEqualTo(new TriageDecision("P-1", "", "triage.dmn"));
    assertThat(steps.triageDecision("inc-green"))
        .isEqualTo(new TriageDecision("P-1", "", "triage.dmn"));
    assertThat(steps.chosenPolicy("inc-red")).isEmpty();
    assertThat(instanceOf("inc-red"))
        .variables()
        .containsEntry(ProcessConstants.VAR_TRIAGE_POLICY, "");
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
    assertThat(fixture.instances(ProcessConstants.INCIDENT_PROCESS, "inc-twice")).hasSize(1);

    workflow.resolve("inc-twice", "bob");
    workflow.start("inc-twice", "org-a", OPENED_AT);

    assertThat(workflow.isRunning("inc-twice")).isFalse();
    assertThat(steps.callsFor("inc-twice"))
        .containsExactly("triage:inc-twice", "freezePolicy:inc-twice", "recordClosed:inc-twice");
  }

  @Test
  void escalationStepsFireAtTheirDueTimesUntilThePlanIsExhausted() {
    steps.givenPolicy("inc-esc", POLICY);
    steps.givenDecisions(
        "inc-esc",
        EscalationDecision.continueAfter(Duration.ofMinutes(10), 1),
        EscalationDecision.continueAfter(Duration.ofMinutes(5), 2));
    workflow.start("inc-esc", "org-a", OPENED_AT);
    ProcessInstance instance = instanceOf("inc-esc");

    assertThat(instance)
        .hasPassed("freezePolicy", "escalationGoesOn")
        .isWaitingAt("awaitEscalation")
        .isWaitingFor(ProcessConstants.MSG_ACKNOWLEDGED, ProcessConstants.MSG_RESOLVED);
    assertThat(instance)
        .variables()
        .containsEntry(ProcessConstants.VAR_FROZEN_POLICY, POLICY)
        .containsEntry(ProcessConstants.VAR_ESCALATION_STEP, 0)
        .containsEntry(ProcessConstants.VAR_ESCALATION_DELAY, "PT0S");
    assertThat(fixture.timer(instance, ESCALATION_DUE).getDuedate())
        .isEqualTo(Date.from(OPENED_AT));

    fixture.runTimerAt(instance, ESCALATION_DUE, OPENED_AT);
    assertThat(instance).isWaitingAt("awaitEscalation");
    assertThat(fixture.timer(instance, ESCALATION_DUE).getDuedate())
        .isEqualTo(Date.from(OPENED_AT.plus(Duration.ofMinutes(10))));
    assertThat(steps.callsFor("inc-esc")).endsWith("escalate:0:inc-esc");

    fixture.clockAt(OPENED_AT.plus(Duration.ofMinutes(9)));
    assertThat(fixture.dueTimers(instance, ESCALATION_DUE)).isEmpty();

    fixture.runTimerAt(instance, ESCALATION_DUE, OPENED_AT.plus(Duration.ofMinutes(10)));
    assertThat(fixture.timer(instance, ESCALATION_DUE).getDuedate())
        .isEqualTo(Date.from(OPENED_AT.plus(Duration.ofMinutes(15))));

    fixture.runTimerAt(instance, ESCALATION_DUE, OPENED_AT.plus(Duration.ofMinutes(15)));
    assertThat(instance)
        .isWaitingAt("awaitFirstResponse")
        .isWaitingFor(ProcessConstants.MSG_ACKNOWLEDGED, ProcessConstants.MSG_RESOLVED);
    assertThat(fixture.timers(instance, ESCALATION_DUE)).isEmpty();
    assertThat(steps.callsFor("inc-esc"))
        .containsExactly(
            "triage:inc-esc",
            "freezePolicy:inc-esc",
            "escalate:0:inc-esc",
            "escalate:1:inc-esc",
            "escalate:2:inc-esc");
    assertThat(steps.frozenPoliciesSeen("inc-esc")).containsOnly(POLICY);

    workflow.resolve("inc-esc", "bob");
    assertThat(instance).hasPassed("resolvedWithoutAcknowledge", "recordClosed").isEnded();
  }

  @Test
  void acknowledgingStopsTheEscalationTimers() {
    steps.givenPolicy("inc-esc-ack", POLICY);
    steps.givenDecisions(
        "inc-esc-ack", EscalationDecision.continueAfter(Duration.ofMinutes(10), 1));
    workflow.start("inc-esc-ack", "org-a", OPENED_AT);
    ProcessInstance instance = instanceOf("inc-esc-ack");
    fixture.runTimerAt(instance, ESCALATION_DUE, OPENED_AT);

    workflow.acknowledge("inc-esc-ack", "alice");

    assertThat(instance)
        .hasPassed("acknowledgedDuringEscalation")
        .isWaitingAt("resolvedAfterAcknowledge");
    assertThat(fixture.timers(instance, ESCALATION_DUE)).isEmpty();
    fixture.clockAt(OPENED_AT.plus(Duration.ofHours(2)));
    assertThat(fixture.dueTimers(instance, ESCALATION_DUE)).isEmpty();

    workflow.resolve("inc-esc-ack", "bob");
    assertThat(instance)
        .hasPassed("resolvedAfterAcknowledge", "recordClosed", "incidentClosed")
        .isEnded();
    assertThat(steps.callsFor("inc-esc-ack"))
        .containsExactly(
            "triage:inc-esc-ack",
            "freezePolicy:inc-esc-ack",
            "escalate:0:inc-esc-ack",
            "recordClosed:inc-esc-ack");
  }

  @Test
  void resolvingDuringEscalationEndsTheProcess() {
    steps.givenPolicy("inc-esc-res", POLICY);
    workflow.start("inc-esc-res", "org-a", OPENED_AT);
    ProcessInstance instance = instanceOf("inc-esc-res");

    workflow.resolve("inc-esc-res", "bob");

    assertThat(instance)
        .hasPassed("resolvedDuringEscalation", "recordClosed", "incidentClosed")
        .hasNotPassed("escalate")
        .isEnded();
    assertThat(fixture.timers(instance, ESCALATION_DUE)).isEmpty();
    assertThat(steps.callsFor("inc-esc-res"))
        .containsExactly(
            "triage:inc-esc-res", "freezePolicy:inc-esc-res", "recordClosed:inc-esc-res");
  }

  @Test
  void aPersonEscalatingRunsTheWaitingStepNow() {
    steps.givenPolicy("inc-esc-now", POLICY);
    steps.givenDecisions(
        "inc-esc-now",
        // held back by a maintenance window: step 0 waits two hours for the window's end
        EscalationDecision.continueAfter(Duration.ofHours(2), 0),
        EscalationDecision.continueAfter(Duration.ofMinutes(10), 1));
    workflow.start("inc-esc-now", "org-a", OPENED_AT);
    ProcessInstance instance = instanceOf("inc-esc-now");
    fixture.runTimerAt(instance, ESCALATION_DUE, OPENED_AT);
    assertThat(instance)
        .isWaitingAt("awaitEscalation")
        .isWaitingFor(ProcessConstants.MSG_ESCALATED);

    fixture.clockAt(OPENED_AT.plus(Duration.ofMinutes(3)));
    workflow.escalate("inc-esc-now", "alice");

    assertThat(instance).hasPassed("escalationRequested").isWaitingAt("awaitEscalation");
    assertThat(steps.callsFor("inc-esc-now"))
        .endsWith("escalate:0:inc-esc-now", "escalate:0:inc-esc-now");
    assertThat(fixture.timer(instance, ESCALATION_DUE).getDuedate())
        .isEqualTo(Date.from(OPENED_AT.plus(Duration.ofMinutes(13))));
    assertThat(instance).variables().containsEntry(ProcessConstants.VAR_ESCALATED_BY, "alice");
  }

  @Test
  void stopFromEscalateLeavesTheProcessWaitingWithoutTimers() {
    steps.givenPolicy("inc-esc-stop", POLICY);
    workflow.start("inc-esc-stop", "org-a", OPENED_AT);
    ProcessInstance instance = instanceOf("inc-esc-stop");

    fixture.runTimerAt(instance, ESCALATION_DUE, OPENED_AT);

    assertThat(instance)
        .hasPassed("escalate")
        .isWaitingAt("awaitFirstResponse")
        .isWaitingFor(ProcessConstants.MSG_ACKNOWLEDGED, ProcessConstants.MSG_RESOLVED);
    assertThat(instance)
        .variables()
        .containsEntry(ProcessConstants.VAR_ESCALATION_OUTCOME, ProcessConstants.OUTCOME_STOP);
    assertThat(fixture.timers(instance, ESCALATION_DUE)).isEmpty();

    workflow.acknowledge("inc-esc-stop", "alice");
    assertThat(instance).hasPassed("acknowledged").isWaitingAt("resolvedAfterAcknowledge");
  }

  @Test
  void withoutPolicyNoEscalationTimerIsSet() {
    workflow.start("inc-no-policy", "org-a", OPENED_AT);
    ProcessInstance instance = instanceOf("inc-no-policy");

    assertThat(instance)
        .hasPassed("freezePolicy", "escalationGoesOn")
        .hasNotPassed("awaitEscalation")
        .isWaitingAt("awaitFirstResponse");
    assertThat(instance)
        .variables()
        .containsEntry(ProcessConstants.VAR_FROZEN_POLICY, "")
        .containsEntry(ProcessConstants.VAR_ESCALATION_OUTCOME, ProcessConstants.OUTCOME_STOP);
    assertThat(fixture.timers(instance, ESCALATION_DUE)).isEmpty();
  }

  @Test
  void statusUpdatesAreAskedForAtTheCycleOfThePriorityUntilResolved() {
    steps.givenReminderCycle("R/PT30M");
    workflow.start("inc-remind", "org-a", OPENED_AT);
    ProcessInstance instance = instanceOf("inc-remind");
    assertThat(instance)
        .variables()
        .containsEntry(ProcessConstants.VAR_STATUS_REMINDER_CYCLE, "R/PT30M");

    fixture.clockAt(OPENED_AT.plus(Duration.ofMinutes(29)));
    assertThat(fixture.dueTimers(instance, "statusUpdateDue")).isEmpty();
    for (int minutes : new int[] {30, 60}) {
      fixture.clockAt(OPENED_AT.plus(Duration.ofMinutes(minutes)));
      List<Job> due = fixture.dueTimers(instance, "statusUpdateDue");
      assertThat(due).hasSize(1);
      fixture.execute(due.get(0));
    }
    workflow.acknowledge("inc-remind", "alice");
    fixture.clockAt(OPENED_AT.plus(Duration.ofMinutes(90)));
    fixture.execute(fixture.dueTimers(instance, "statusUpdateDue").get(0));

    assertThat(instance).isWaitingAt("resolvedAfterAcknowledge");
    assertThat(instance).variables().containsEntry(ProcessConstants.VAR_STATUS_REMINDERS, 3);
    assertThat(steps.callsFor("inc-remind"))
        .containsSubsequence(
            "remindStatusUpdate:1:inc-remind",
            "remindStatusUpdate:2:inc-remind",
            "remindStatusUpdate:3:inc-remind");

    workflow.resolve("inc-remind", "bob");
    assertThat(instance).hasPassed("responded", "recordClosed").isEnded();
    assertThat(fixture.timers(instance, "statusUpdateDue")).isEmpty();
  }

  private ProcessInstance instanceOf(String incidentId) {
    return fixture.instance(ProcessConstants.INCIDENT_PROCESS, incidentId);
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    HistoricVariableInstance variable =
        fixture
            .engine()
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableName(name)
            .singleResult();
    return variable == null ? null : variable.getValue();
  }
}
