package io.opsflow.incident;

/**
 * What the incident process calls back into the domain. Each method is one BPMN task; the delegates
 * in {@code io.opsflow.workflow} are one-line calls into it.
 */
public interface IncidentProcessSteps {

  /** Task {@code triage}: records the triage decision on the timeline. */
  void triage(String incidentId);

  /**
   * Task {@code freezePolicy}: chooses the escalation policy in force for the incident and returns
   * it frozen, in its text form; an empty string means the incident does not escalate.
   */
  String freezePolicy(String incidentId);

  /**
   * Task {@code escalate}: runs step {@code step} of the frozen policy if the incident is still
   * unacknowledged, and says whether and when the next step follows.
   */
  EscalationDecision escalate(String incidentId, String frozenPolicy, int step);

  /** Task {@code recordClosed}: records that the incident's process has finished. */
  void recordClosed(String incidentId);
}
