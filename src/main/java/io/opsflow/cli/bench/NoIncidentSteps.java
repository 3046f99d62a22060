package io.opsflow.cli.bench;

import io.opsflow.incident.model.EscalationDecision;
import io.opsflow.incident.model.IncidentProcessSteps;
import io.opsflow.incident.model.TriageDecision;
import io.opsflow.incident.model.TriageFacts;

/** Incident steps for an engine that runs no incidents: every step does nothing. */
final class NoIncidentSteps implements IncidentProcessSteps {
  @Override
  public TriageFacts triageFacts(String incidentId) {
    return new TriageFacts("", "", "", "");
  }

  @Override
  public String triage(String incidentId, TriageFacts facts, TriageDecision decision) {
    return "";
  }

  @Override
  public String freezePolicy(String incidentId, String policyId) {
    return "";
  }

  @Override
  public EscalationDecision escalate(String incidentId, String frozenPolicy, int step) {
    return EscalationDecision.stop();
  }

  @Override
  public String statusReminderCycle(String incidentId) {
    return "R/PT30M";
  }

  @Override
  public void remindStatusUpdate(String incidentId, int reminder) {}

  @Override
  public void recordClosed(String incidentId) {}
}
