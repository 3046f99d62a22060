package io.opsflow.workflow;

import io.opsflow.incident.model.IncidentProcessSteps;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Task {@code recordClosed} of the incident process. */
public final class RecordClosedDelegate implements JavaDelegate {
  private final IncidentProcessSteps steps;

  public RecordClosedDelegate(IncidentProcessSteps steps) {
    this.steps = Objects.requireNonNull(steps, "steps");
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.recordClosed(ProcessVariables.incidentId(execution));
  }
}
