package io.opsflow.workflow;

import io.opsflow.incident.model.EscalationDecision;
import io.opsflow.incident.model.IncidentProcessSteps;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Task {@code escalate} of the incident process: runs the due step and stores the decision, the
 * next step and its delay for gateway {@code escalationGoesOn} and timer {@code escalationDue}.
 */
public final class EscalateDelegate implements JavaDelegate {
  private final IncidentProcessSteps steps;

  public EscalateDelegate(IncidentProcessSteps steps) {
    this.steps = Objects.requireNonNull(steps, "steps");
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object frozen = execution.getVariable(ProcessConstants.VAR_FROZEN_POLICY);
    Object step = execution.getVariable(ProcessConstants.VAR_ESCALATION_STEP);
    EscalationDecision decision =
        steps.escalate(
            ProcessVariables.incidentId(execution),
            frozen == null ? "" : frozen.toString(),
            step instanceof Number n ? n.intValue() : 0);
    execution.setVariable(ProcessConstants.VAR_ESCALATION_OUTCOME, decision.outcome().wireName());
    if (decision.continues()) {
      execution.setVariable(ProcessConstants.VAR_ESCALATION_STEP, decision.nextStep());
      execution.setVariable(ProcessConstants.VAR_ESCALATION_DELAY, decision.delayBeforeNext());
    }
  }
}
