package io.opsflow.workflow;

import io.opsflow.incident.model.IncidentProcessSteps;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Task {@code remindStatusUpdate} of the incident process, after each firing of the
 * non-interrupting timer {@code statusUpdateDue}: counts the reminder and asks for the update.
 */
public final class RemindStatusUpdateDelegate implements JavaDelegate {
  private final IncidentProcessSteps steps;

  public RemindStatusUpdateDelegate(IncidentProcessSteps steps) {
    this.steps = Objects.requireNonNull(steps, "steps");
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object before = execution.getVariable(ProcessConstants.VAR_STATUS_REMINDERS);
    int n = (before instanceof Number count ? count.intValue() : 0) + 1;
    execution.getProcessInstance().setVariable(ProcessConstants.VAR_STATUS_REMINDERS, n);
    steps.remindStatusUpdate(ProcessVariables.incidentId(execution), n);
  }
}
