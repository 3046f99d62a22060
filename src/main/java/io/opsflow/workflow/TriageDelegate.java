package io.opsflow.workflow;

import io.opsflow.incident.model.IncidentProcessSteps;
import io.opsflow.incident.model.TriageDecision;
import io.opsflow.incident.model.TriageFacts;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Task {@code triage} of the incident process: evaluates the latest deployed {@code triage}
 * decision with the incident's facts and has the domain record the answer; keeps the chosen policy
 * id in {@code triagePolicy} for {@code freezePolicy}.
 */
public final class TriageDelegate implements JavaDelegate {
  private final IncidentProcessSteps steps;

  public TriageDelegate(IncidentProcessSteps steps) {
    this.steps = Objects.requireNonNull(steps, "steps");
  }

  @Override
  public void execute(DelegateExecution execution) {
    String incidentId = ProcessVariables.incidentId(execution);
    TriageFacts facts = steps.triageFacts(incidentId);
    TriageDecision decision = decide(execution, facts);
    String policy = steps.triage(incidentId, facts, decision);
    execution.setVariable(ProcessConstants.VAR_TRIAGE_POLICY, policy);
    execution.setVariable(
        ProcessConstants.VAR_STATUS_REMINDER_CYCLE, steps.statusReminderCycle(incidentId));
  }

  private static TriageDecision decide(DelegateExecution execution, TriageFacts facts) {
    DmnDecisionResult result;
    try {
      result =
          execution
              .getProcessEngineServices()
              .getDecisionService()
              .evaluateDecisionByKey(ProcessConstants.TRIAGE_DECISION)
              .variables(facts.asInputs())
              .evaluate();
    } catch (ProcessEngineException e) {
      return TriageDecision.none("triage.dmn not evaluated: " + e.getMessage());
    }
    DmnDecisionResultEntries first = result.getFirstResult();
    if (first == null) {
      return TriageDecision.none("no row of triage.dmn matched");
    }
    Object priority = first.getEntryMap().get(ProcessConstants.TRIAGE_OUT_PRIORITY);
    Object policy = first.getEntryMap().get(ProcessConstants.TRIAGE_OUT_POLICY);
    TriageDecision decision =
        new TriageDecision(
            priority == null ? "" : priority.toString(),
            policy == null ? "" : policy.toString(),
            "triage.dmn");
    return decision.answered()
        ? decision
        : TriageDecision.none("triage.dmn answered '" + priority + "', not a priority");
  }
}
