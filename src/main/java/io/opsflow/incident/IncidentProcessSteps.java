package io.opsflow.incident;

/**
 * What the incident process calls back into the domain. Each method is one BPMN task; the delegates
 * in {@code io.opsflow.workflow} are one-line calls into it.
 */
public interface IncidentProcessSteps {

  /** Task {@code triage}: records the triage decision on the timeline. */
  void triage(String incidentId);

  /** Task {@code recordClosed}: records that the incident's process has finished. */
  void recordClosed(String incidentId);
}
