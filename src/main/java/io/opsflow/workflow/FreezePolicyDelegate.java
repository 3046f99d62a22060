package io.opsflow.workflow;

import io.opsflow.incident.model.IncidentProcessSteps;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Task {@code freezePolicy} of the incident process: freezes the policy triage chose (else the
 * default), keeps it with the instance and sets up the first escalation step, due at once; no
 * policy routes to waiting without a timer.
 */
public final class FreezePolicyDelegate implements JavaDelegate {
  private final IncidentProcessSteps steps;

  public FreezePolicyDelegate(IncidentProcessSteps steps) {
    this.steps = Objects.requireNonNull(steps, "steps");
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object chosen = execution.getVariable(ProcessConstants.VAR_TRIAGE_POLICY);
    String frozen =
        steps.freezePolicy(
            ProcessVariables.incidentId(execution), chosen == null ? "" : chosen.toString());
    execution.setVariable(ProcessConstants.VAR_FROZEN_POLICY, frozen);
    execution.setVariable(ProcessConstants.VAR_ESCALATION_STEP, 0);
    execution.setVariable(
        ProcessConstants.VAR_ESCALATION_DELAY, ProcessConstants.FIRST_ESCALATION_DELAY);
    execution.setVariable(
        ProcessConstants.VAR_ESCALATION_OUTCOME,
        frozen.isEmpty() ? ProcessConstants.OUTCOME_STOP : ProcessConstants.OUTCOME_CONTINUE);
  }
}
