package io.opsflow.incident.model;

/**
 * What the incident process calls back into the domain. Each method is one BPMN task; the delegates
 * in {@code io.opsflow.workflow} are one-line calls into it.
 */
public interface IncidentProcessSteps {

  /**
   * Task {@code triage}, first half: what the triage table decides from (severity, and the zone,
   * tier and id of the incident's service).
   */
  TriageFacts triageFacts(String incidentId);

  /**
   * Task {@code triage}, second half: records the priority the table decided (or, with no answer,
   * the severity rule's) on the incident and its timeline.
   *
   * @return the escalation policy id triage chose; empty for the default
   */
  String triage(String incidentId, TriageFacts facts, TriageDecision decision);

  /**
   * Task {@code freezePolicy}: chooses the escalation policy in force for the incident (the one
   * with id {@code policyId} if there is one, else the default) and keeps it frozen with the
   * incident (in opsflow's tables: a policy can outgrow an engine string variable). Returns the
   * frozen policy's id; an empty string means the incident does not escalate.
   */
  String freezePolicy(String incidentId, String policyId);

  /**
   * Task {@code escalate}: runs step {@code step} of the incident's frozen policy ({@code
   * frozenPolicy} is what {@link #freezePolicy} returned) if the incident is still unacknowledged,
   * and says whether and when the next step follows.
   */
  EscalationDecision escalate(String incidentId, String frozenPolicy, int step);

  /**
   * How often the incident's war room is asked for a status update, as an ISO-8601 repeating
   * interval ({@code R/PT30M}); read after triage, so it follows the priority.
   */
  String statusReminderCycle(String incidentId);

  /** Task {@code remindStatusUpdate}: asks for status update number {@code reminder} (from 1). */
  void remindStatusUpdate(String incidentId, int reminder);

  /** Task {@code recordClosed}: records that the incident's process has finished. */
  void recordClosed(String incidentId);
}
