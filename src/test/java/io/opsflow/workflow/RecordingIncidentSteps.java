package io.opsflow.workflow;

import io.opsflow.incident.model.EscalationDecision;
import io.opsflow.incident.model.IncidentProcessSteps;
import io.opsflow.incident.model.TriageDecision;
import io.opsflow.incident.model.TriageFacts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the steps the incident process calls, as {@code "triage:inc-1"} or {@code
 * "escalate:2:inc-1"}. Incidents have no escalation policy unless given one with {@link
 * #givenPolicy}; {@code escalate} answers the decisions given with {@link #givenDecisions}, in
 * order, then {@code stop}.
 */
final class RecordingIncidentSteps implements IncidentProcessSteps {
  private final List<String> calls = new ArrayList<>();
  private final Map<String, String> policies = new HashMap<>();
  private final Map<String, Deque<EscalationDecision>> decisions = new HashMap<>();
  private final Map<String, List<String>> frozenSeen = new HashMap<>();
  private final Map<String, TriageFacts> facts = new HashMap<>();
  private final Map<String, TriageDecision> triageDecisions = new HashMap<>();
  private final Map<String, String> chosenPolicies = new HashMap<>();

  synchronized void givenPolicy(String incidentId, String frozenPolicy) {
    policies.put(incidentId, frozenPolicy);
  }

  synchronized void givenDecisions(String incidentId, EscalationDecision... answers) {
    decisions.computeIfAbsent(incidentId, k -> new ArrayDeque<>()).addAll(List.of(answers));
  }

  synchronized void givenFacts(String incidentId, TriageFacts given) {
    facts.put(incidentId, given);
  }

  @Override
  public synchronized TriageFacts triageFacts(String incidentId) {
    return facts.getOrDefault(incidentId, new TriageFacts("", "", "", ""));
  }

  @Override
  public synchronized String triage(String incidentId, TriageFacts given, TriageDecision decision) {
    calls.add("triage:" + incidentId);
    triageDecisions.put(incidentId, decision);
    return decision.policy();
  }

  @Override
  public synchronized String freezePolicy(String incidentId, String policyId) {
    calls.add("freezePolicy:" + incidentId);
    chosenPolicies.put(incidentId, policyId);
    return policies.getOrDefault(incidentId, "");
  }

  @Override
  public synchronized EscalationDecision escalate(
      String incidentId, String frozenPolicy, int step) {
    calls.add("escalate:" + step + ":" + incidentId);
    frozenSeen.computeIfAbsent(incidentId, k -> new ArrayList<>()).add(frozenPolicy);
    Deque<EscalationDecision> answers = decisions.get(incidentId);
    return answers == null || answers.isEmpty() ? EscalationDecision.stop() : answers.poll();
  }

  /** The cycle every incident's status reminders follow; R/PT30M unless changed. */
  private String reminderCycle = "R/PT30M";

  synchronized void givenReminderCycle(String cycle) {
    reminderCycle = cycle;
  }

  @Override
  public synchronized String statusReminderCycle(String incidentId) {
    return reminderCycle;
  }

  @Override
  public synchronized void remindStatusUpdate(String incidentId, int reminder) {
    calls.add("remindStatusUpdate:" + reminder + ":" + incidentId);
  }

  @Override
  public synchronized void recordClosed(String incidentId) {
    calls.add("recordClosed:" + incidentId);
  }

  /** The decision the {@code triage} task passed for the incident. */
  synchronized TriageDecision triageDecision(String incidentId) {
    return triageDecisions.get(incidentId);
  }

  /** The policy id {@code freezePolicy} was asked to prefer. */
  synchronized String chosenPolicy(String incidentId) {
    return chosenPolicies.get(incidentId);
  }

  synchronized List<String> callsFor(String incidentId) {
    return calls.stream().filter(call -> call.endsWith(":" + incidentId)).toList();
  }

  /** The frozen policy text each {@code escalate} call for the incident received. */
  synchronized List<String> frozenPoliciesSeen(String incidentId) {
    return List.copyOf(frozenSeen.getOrDefault(incidentId, List.of()));
  }
}
