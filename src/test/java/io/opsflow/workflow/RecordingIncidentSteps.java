package io.opsflow.workflow;

import io.opsflow.incident.IncidentProcessSteps;
import java.util.ArrayList;
import java.util.List;

/** Records the steps the incident process calls, as {@code "triage:inc-1"}. */
final class RecordingIncidentSteps implements IncidentProcessSteps {
  private final List<String> calls = new ArrayList<>();

  @Override
  public synchronized void triage(String incidentId) {
    calls.add("triage:" + incidentId);
  }

  @Override
  public synchronized void recordClosed(String incidentId) {
    calls.add("recordClosed:" + incidentId);
  }

  synchronized List<String> callsFor(String incidentId) {
    return calls.stream().filter(call -> call.endsWith(":" + incidentId)).toList();
  }
}
